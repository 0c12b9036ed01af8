import { compactJson, humanizeKey, isRecord, nonBlank, parseJsonContainer, total } from './text';

export interface NormalizedObjective {
  key: string;
  label: string;
  achieved: boolean;
  /** What the candidate said, when it is more than yes/no ("Monday", "220"). */
  value: string | null;
  /** ISO time it was achieved, where the data says so. */
  at: string | null;
  /** Where it was achieved (`call`, `whatsapp`, …), where the data says so. */
  source: string | null;
}

type Reading = Pick<NormalizedObjective, 'achieved' | 'value'>;

const YES = new Set(['yes', 'y', 'true', 'done', 'achieved', 'complete', 'completed']);
const NO = new Set([
  '',
  'no',
  'n',
  'false',
  'none',
  'null',
  'n/a',
  'pending',
  'unknown',
  'not yet',
]);
const AT_KEYS = ['at', 'achieved_at', 'achievedAt', 'timestamp'];
const SOURCE_KEYS = ['source', 'via', 'channel'];
// ISO 8601 or Postgres text; Date.parse alone reads "1" as the year 2001.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * `sessions.objectives` → checklist rows: the campaign's objectives first, in its order and with
 * its labels, then any other keys the data has, labelled from the key.
 */
export const normalizeObjectives = total(
  (raw: unknown, campaignObjectives?: unknown): NormalizedObjective[] => {
    const data = objectiveData(raw);
    const labels = campaignLabels(campaignObjectives);
    const keys = new Set([...labels.keys(), ...data.keys()]);
    return [...keys].map((key) => ({
      key,
      label: labels.get(key) || humanizeKey(key) || key,
      ...readObjective(data.get(key)),
    }));
  },
  () => [],
);

/** `{key: value}`, or a list of achieved keys or of `{key, achieved, …}`; JSON text of either. */
function objectiveData(raw: unknown): Map<string, unknown> {
  const value = typeof raw === 'string' ? parseJsonContainer(raw) : raw;
  if (isRecord(value)) return new Map(Object.entries(value));
  const data = new Map<string, unknown>();
  if (!Array.isArray(value)) return data;
  for (const item of value) {
    const key = isRecord(item) ? nonBlank(item.key) : nonBlank(item);
    if (key !== null && !data.has(key)) data.set(key, isRecord(item) ? item : true);
  }
  return data;
}

/** The campaign's `[{key, label}]` (or `{key: label}`) → its labels ('' for none), in order. */
function campaignLabels(list: unknown): Map<string, string> {
  const value = typeof list === 'string' ? parseJsonContainer(list) : list;
  const entries: [unknown, unknown][] = Array.isArray(value)
    ? value.map((item) => (isRecord(item) ? [item.key, item.label] : [item, null]))
    : isRecord(value)
      ? Object.entries(value)
      : [];
  const labels = new Map<string, string>();
  for (const [rawKey, rawLabel] of entries) {
    const key = nonBlank(rawKey);
    if (key !== null && !labels.has(key)) labels.set(key, nonBlank(rawLabel) ?? '');
  }
  return labels;
}

function readObjective(value: unknown): Omit<NormalizedObjective, 'key' | 'label'> {
  if (!isRecord(value)) return { ...reading(value), at: null, source: null };
  const at = firstOf(value, AT_KEYS, isoTime);
  const source = firstOf(value, SOURCE_KEYS, nonBlank);
  const detail = 'value' in value ? reading(value.value) : null;
  const known = 'achieved' in value || detail !== null || at !== null || source !== null;
  if (!known) return { ...reading(value), at: null, source: null };
  const achieved = 'achieved' in value ? reading(value.achieved).achieved : null;
  return {
    achieved: achieved ?? detail?.achieved ?? at !== null,
    value: detail?.value ?? null,
    at,
    source,
  };
}

/** One stored value: a flag, a yes/no word, free text (achieved, with that text), a count. */
function reading(value: unknown): Reading {
  if (typeof value === 'boolean') return { achieved: value, value: null };
  if (typeof value === 'number' || typeof value === 'bigint') {
    const set = value !== 0 && value !== 0n && !Number.isNaN(value);
    // 1 is a flag like true; other numbers are answers worth showing (a day rate, a count).
    return { achieved: set, value: set && value !== 1 && value !== 1n ? String(value) : null };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    const word = text.toLowerCase();
    if (YES.has(word)) return { achieved: true, value: null };
    if (NO.has(word)) return { achieved: false, value: null };
    return { achieved: true, value: text };
  }
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== null && item !== undefined && item !== '');
    return {
      achieved: items.length > 0,
      value: items.length > 0 ? items.map(itemText).join(', ') : null,
    };
  }
  if (value === null || value === undefined) return { achieved: false, value: null };
  // An object this does not understand: not counted, but kept visible.
  const empty = isRecord(value) && Object.keys(value).length === 0;
  return { achieved: false, value: empty ? null : compactJson(value) };
}

function itemText(item: unknown): string {
  return typeof item === 'string' ? item : compactJson(item);
}

function firstOf(
  record: Record<string, unknown>,
  keys: string[],
  read: (value: unknown) => string | null,
): string | null {
  for (const key of keys) {
    const found = read(record[key]);
    if (found !== null) return found;
  }
  return null;
}

/** ISO text, or epoch seconds or milliseconds → ISO; anything else null. */
function isoTime(value: unknown): string | null {
  let time = NaN;
  if (typeof value === 'string' && ISO_DATE.test(value.trim())) time = Date.parse(value.trim());
  // Below 1e11 an epoch is in seconds (1e11 s is the year 5138; 1e11 ms is 1973).
  else if (typeof value === 'number') time = value < 1e11 ? value * 1000 : value;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

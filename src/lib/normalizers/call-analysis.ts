import {
  compactJson,
  humanizeKey,
  isRecord,
  keyId,
  nonBlank,
  parseJsonContainer,
  total,
  type UnknownRecord,
} from './text';

interface AnalysisField {
  /** `in_voicemail`, or `parent.child` for a value one object down. */
  key: string;
  label: string;
  value: string;
}

export interface CallAnalysis {
  summary: string | null;
  sentiment: string | null;
  /** null when the provider gave no verdict, or a score whose scale is unknown (kept in fields). */
  successful: boolean | null;
  /** Everything not surfaced above, flattened for a key/value table. */
  fields: AnalysisField[];
  raw: unknown;
}

// Compared with keyId(), so `call_summary`, `callSummary` and `CallSummary` are the same key.
const SUMMARY_KEYS = new Set(['callsummary', 'summary', 'analysissummary', 'transcriptsummary']);
const SENTIMENT_KEYS = new Set([
  'usersentiment',
  'sentiment',
  'callsentiment',
  'candidatesentiment',
  'customersentiment',
]);
const SUCCESS_KEYS = new Set([
  'callsuccessful',
  'successful',
  'success',
  'successevaluation',
  'callsuccess',
  'issuccessful',
  'wassuccessful',
]);
// Objects that only wrap the provider's own fields; their children are labelled on their own.
const WRAPPERS = new Set([
  'analysis',
  'callanalysis',
  'customanalysisdata',
  'customdata',
  'data',
  'extracteddata',
  'postcallanalysis',
  'structureddata',
]);
const TRUE_WORDS = new Set(['true', 'yes', 'y', 'pass', 'passed', 'success', 'successful']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'fail', 'failed', 'failure', 'unsuccessful']);

const nothing = (): Omit<CallAnalysis, 'raw'> => ({
  summary: null,
  sentiment: null,
  successful: null,
  fields: [],
});

/** `calls.analysis` (Retell, Vapi, custom keys, a plain string, null) → what a recruiter reads. */
export const normalizeAnalysis = total(
  (raw: unknown): CallAnalysis => ({ ...read(raw), raw }),
  (raw) => ({ ...nothing(), raw }),
);

function read(value: unknown): Omit<CallAnalysis, 'raw'> {
  if (typeof value === 'string') {
    const parsed = parseJsonContainer(value);
    return parsed === undefined ? { ...nothing(), summary: nonBlank(value) } : read(parsed);
  }
  if (value === null || value === undefined) return nothing();
  if (!isRecord(value)) return { ...nothing(), fields: [field('value', 'Value', value)] };

  const entries = flatten(value);
  // Top-level keys win over the same key inside a wrapper object; then the key earlier in the
  // list; then the lower raw key. Never the order the keys came in: Postgres (jsonb) keeps its
  // own, and its readers (analysis_successful, analysis_sentiment) choose the same way.
  const take = <T>(keys: Set<string>, readValue: (value: unknown) => T | null): T | null => {
    const rank = [...keys];
    const order = (e: Entry) => [e.nested ? 1 : 0, rank.indexOf(keyId(e.name))] as const;
    const [best] = entries
      .filter((entry) => keys.has(keyId(entry.name)) && readValue(entry.value) !== null)
      .sort((a, b) => {
        const [[n1, r1], [n2, r2]] = [order(a), order(b)];
        return n1 - n2 || r1 - r2 || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      });
    if (!best) return null;
    entries.splice(entries.indexOf(best), 1);
    return readValue(best.value);
  };
  return {
    summary: take(SUMMARY_KEYS, nonBlank),
    sentiment: take(SENTIMENT_KEYS, nonBlank),
    successful: take(SUCCESS_KEYS, verdict),
    fields: entries.map((entry) => field(entry.key, entry.label, entry.value)),
  };
}

interface Entry {
  key: string;
  label: string;
  /** The key's own name, without its parent. */
  name: string;
  value: unknown;
  nested: boolean;
}

/** Keys in order, objects opened one level (`custom_analysis_data.has_cscs_card`). */
function flatten(record: UnknownRecord): Entry[] {
  return Object.entries(record).flatMap(([key, value]): Entry[] => {
    if (!isRecord(value)) {
      return [{ key, label: humanizeKey(key), name: key, value, nested: false }];
    }
    const parentLabel = WRAPPERS.has(keyId(key)) ? '' : `${humanizeKey(key)}: `;
    return Object.entries(value).map(([child, childValue]) => ({
      key: `${key}.${child}`,
      label: parentLabel + humanizeKey(child),
      name: child,
      value: childValue,
      nested: true,
    }));
  });
}

/** A pass/fail verdict; numeric and descriptive scores have no known threshold, so null. */
function verdict(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

function field(key: string, label: string, value: unknown): AnalysisField {
  return { key, label: label || key, value: displayValue(value) };
}

function displayValue(value: unknown): string {
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      typeof item === 'object' && item !== null ? compactJson(item) : displayValue(item),
    );
    return items.length === 0 ? 'N/A' : items.join(', ');
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return nonBlank(value) ?? 'N/A';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'N/A';
  if (typeof value === 'bigint') return value.toString();
  if (value === null || value === undefined) return 'N/A';
  return compactJson(value);
}

import { statusLabel } from '@/components/status-badge';
import type { CampaignSession } from '@/data/campaigns/campaign-sessions-query';
import { formatDateTime } from '@/lib/format';
import { formatPhone } from '@/lib/normalizers';

// CSV as RFC 4180 has it: fields separated by commas, records ended by CRLF, and a field that
// holds a comma, a double quote, CR or LF wrapped in double quotes with its own quotes doubled.

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

// Spreadsheets run a cell that starts with = + - @ (or a tab or CR before one) as a formula, so a
// name like `=HYPERLINK(…)` is defused with a leading apostrophe. Phone numbers and plain numbers
// that start with + or - are data and stay as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-][\d\s().]+$/;

export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) && !SIGNED_NUMBER.test(value) ? `'${value}` : value;
}

/** The sessions table's columns, as the CSV has them (the candidate cell is two columns). */
const SESSION_CSV_COLUMNS: readonly {
  header: string;
  value: (session: CampaignSession) => string;
}[] = [
  { header: 'Name', value: (s) => s.candidateName ?? '' },
  { header: 'Phone', value: (s) => (s.phoneNumber ? formatPhone(s.phoneNumber) : '') },
  { header: 'Status', value: (s) => statusLabel(s.status) },
  { header: 'Messages', value: (s) => String(s.messageCount) },
  { header: 'Calls', value: (s) => String(s.callCount) },
  {
    header: 'Last activity',
    value: (s) => (s.lastActivity ? formatDateTime(new Date(s.lastActivity)) : ''),
  },
  {
    header: 'Objectives reached',
    value: (s) =>
      s.objectives
        .filter((o) => o.achieved)
        .map((o) => o.label)
        .join('; '),
  },
];

/** The rows on screen, as CSV text. */
export function sessionsCsv(sessions: readonly CampaignSession[]): string {
  return toCsv([
    SESSION_CSV_COLUMNS.map((c) => c.header),
    ...sessions.map((s) => SESSION_CSV_COLUMNS.map((c) => spreadsheetSafe(c.value(s)))),
  ]);
}

const UNSAFE_IN_FILE_NAMES = '\\/:*?"<>|';

/** `Plumber - London-sessions.csv`, minus characters file systems refuse (and control characters). */
export function csvFileName(campaign: string): string {
  const safe = [...campaign]
    .map((ch) => (ch < ' ' || UNSAFE_IN_FILE_NAMES.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return `${safe || 'campaign'}-sessions.csv`;
}

/** Saves the CSV through a temporary link; the BOM lets Excel read it as UTF-8 (names, £). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

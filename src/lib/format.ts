const countFormat = new Intl.NumberFormat('en-GB');
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `12345` → `12,345` */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** `14:05:09`, in the viewer's time zone */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

/** `24 Nov 2026, 14:05`, in the viewer's time zone */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

const DAY_MS = 86_400_000;

/**
 * The calendar day `date` falls on in the viewer's time zone, as a count of days since
 * 1 Jan 1970: consecutive days differ by exactly 1, however long they are (a DST change makes a
 * day 23 or 25 hours), so days apart is a subtraction rather than a division of milliseconds.
 */
export function localDay(date: Date): number {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS;
}

/** The year of a `localDay` count. */
export function yearOfLocalDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/**
 * "just now", "2 min ago", "3 h ago", "Yesterday", "3 days ago", then the date: for freshness at
 * a glance. Past the hour the words follow the calendar in the viewer's zone: hours while it was
 * today, "Yesterday" for the day before (even ten hours ago, just after midnight), then days.
 */
export function formatRelative(date: Date, now: number = Date.now()): string {
  const seconds = Math.round((now - date.getTime()) / 1000);
  if (seconds < 45) return seconds < -60 ? formatDateTime(date) : 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const days = localDay(new Date(now)) - localDay(date);
  if (days === 0) return `${Math.round(minutes / 60)} h ago`;
  if (days === 1) return 'Yesterday';
  if (days < 7) return `${days} days ago`;
  return formatDateTime(date);
}

const percentFormat = new Intl.NumberFormat('en-GB', {
  style: 'percent',
  maximumFractionDigits: 1,
});

/** `0.1234` → `12.3%` */
export function formatPercent(share: number): string {
  return percentFormat.format(Number.isFinite(share) ? share : 0);
}

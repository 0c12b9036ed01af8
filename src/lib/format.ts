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

/** "just now", "2 min ago", "3 h ago", "Yesterday", then the date: for freshness at a glance. */
export function formatRelative(date: Date, now: number = Date.now()): string {
  const seconds = Math.round((now - date.getTime()) / 1000);
  if (seconds < 45) return seconds < -60 ? formatDateTime(date) : 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
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

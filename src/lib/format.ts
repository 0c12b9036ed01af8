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

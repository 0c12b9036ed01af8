import { formatDateTime } from '@/lib/format';

/** `24 Nov 2026, 14:05` in the viewer's time zone, as a <time>; `fallback` for a missing or bad value. */
export function DateTime({
  value,
  fallback = 'Unknown',
}: {
  value: string | null | undefined;
  fallback?: string;
}) {
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return <span className="text-muted-foreground">{fallback}</span>;
  }
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}

import { formatDateTime, formatRelative } from '@/lib/format';
import { useNow } from './use-now';

/** "12 s ago" under a minute (freshness of polled data is counted in seconds), then as formatRelative. */
export function formatAgo(time: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  return formatRelative(new Date(time), now);
}

/**
 * When data was last fetched ("Synced 12 s ago"), ticking every second, with the exact time on
 * hover. `at` is a React Query `dataUpdatedAt` (0 means never).
 */
export function UpdatedAgo({ prefix, at }: { prefix: string; at: number }) {
  const now = useNow(1000);
  if (!at) return null;
  const date = new Date(at);
  return (
    <span>
      {prefix}{' '}
      <time dateTime={date.toISOString()} title={formatDateTime(date)}>
        {formatAgo(at, now)}
      </time>
    </span>
  );
}

import { formatDateTime, formatRelative } from '@/lib/format';
import { useNow } from './use-now';

// Minutes are the finest step formatRelative shows after "just now".
const TICK_MS = 30_000;

/** "2 min ago", kept current, with the exact time on hover (DESIGN §8). */
export function RelativeTime({
  value,
  fallback = 'Never',
}: {
  value: string | null | undefined;
  fallback?: string;
}) {
  const now = useNow(TICK_MS);
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()))
    return <span className="text-muted-foreground">{fallback}</span>;
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {formatRelative(date, now)}
    </time>
  );
}

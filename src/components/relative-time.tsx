import { useEffect, useState } from 'react';
import { formatDateTime, formatRelative } from '@/lib/format';

/** "2 min ago", kept current, with the exact time on hover (DESIGN §8). */
export function RelativeTime({
  value,
  fallback = 'Never',
}: {
  value: string | null | undefined;
  fallback?: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()))
    return <span className="text-muted-foreground">{fallback}</span>;
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {formatRelative(date, now)}
    </time>
  );
}

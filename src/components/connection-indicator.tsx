import { formatDateTime, formatTime } from '@/lib/format';
import { cn } from '@/lib/utils';
import { formatAgo } from './updated-ago';
import { useNow } from './use-now';

export type IndicatorStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

const LOOK: Record<IndicatorStatus, { label: string; dot: string }> = {
  connecting: { label: 'Connecting', dot: 'bg-zinc-400' },
  live: { label: 'Live', dot: 'bg-green-500' },
  reconnecting: { label: 'Reconnecting', dot: 'bg-amber-500 animate-pulse' },
  offline: { label: 'Offline', dot: 'bg-red-500' },
};

/**
 * How old what is on screen is, ticking: while not live, the one thing worth knowing at any width
 * ("data from 12 min ago"; "12 min ago" below lg, where the header has no room for more).
 */
function DataAge({ at }: { at: number }) {
  const now = useNow(1000);
  return (
    <span className="whitespace-nowrap text-muted-foreground">
      · <span className="hidden lg:inline">data from </span>
      {formatAgo(at, now)}
    </span>
  );
}

/**
 * Live / Reconnecting / Offline with the time of the last sync (DESIGN §2); the word, not only the
 * colour. Only the word is a live region: the ticking age would be announced every second.
 */
export function ConnectionIndicator({
  status,
  lastSyncedAt,
}: {
  status: IndicatorStatus;
  lastSyncedAt: number | null;
}) {
  const { label, dot } = LOOK[status];
  const synced = lastSyncedAt ? new Date(lastSyncedAt) : null;
  return (
    <div
      className="flex items-center gap-2 rounded-md border px-2 py-1 text-xs"
      title={synced ? `Last synced ${formatDateTime(synced)}` : 'Not synced yet'}
    >
      <span className={cn('size-2 shrink-0 rounded-full', dot)} aria-hidden="true" />
      <span role="status" aria-live="polite" className="font-medium">
        {label}
      </span>
      {lastSyncedAt !== null && status !== 'live' && <DataAge at={lastSyncedAt} />}
      {synced && status === 'live' && (
        <span className="hidden text-muted-foreground sm:inline">
          · synced {formatTime(synced)}
        </span>
      )}
    </div>
  );
}

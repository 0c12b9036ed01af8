// From the icon's own module, as in app-layout.tsx: this joins the first screen's chunk.
import X from 'lucide-react/icons/x';
import type { KeyboardEvent } from 'react';
import { formatCount, formatDateTime } from '@/lib/format';
import { Button } from './ui/button';

/** What arrived while the dashboard was away (the catch-up's notice). */
export interface ActivityNotice {
  messages: number;
  calls: number;
  /** When the data on screen was last known in sync (epoch ms). */
  since: number;
}

const clockTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

const counted = (count: number, one: string, many: string) =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

/** "12 new messages, 2 calls since 08:14"; since another day, "… since 25 Nov 2026, 08:14". */
export function catchUpMessage(
  { messages, calls, since }: ActivityNotice,
  now: number = Date.now(),
): string {
  const parts = [];
  if (messages) parts.push(counted(messages, 'new message', 'new messages'));
  if (calls)
    parts.push(counted(calls, messages ? 'call' : 'new call', messages ? 'calls' : 'new calls'));
  const at = new Date(since);
  const sameDay = at.toDateString() === new Date(now).toDateString();
  return `${parts.join(', ') || 'No new activity'} since ${sameDay ? clockTime.format(at) : formatDateTime(at)}`;
}

/**
 * What arrived while the dashboard was away, quietly under the header until dismissed (the close
 * button, or Escape within it). The live region stays in the page so that a notice is announced.
 */
export function CatchUpNoticeBar({
  notice,
  onDismiss,
}: {
  notice: ActivityNotice | null;
  onDismiss: () => void;
}) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onDismiss();
  };
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 top-16 z-20 flex justify-center px-4"
    >
      {notice && (
        <div
          className="pointer-events-auto flex items-center gap-1 rounded-full border bg-card py-1 pr-1 pl-3 text-sm text-card-foreground tabular-nums shadow-sm"
          title={`Since ${formatDateTime(new Date(notice.since))}`}
          onKeyDown={onKeyDown}
        >
          <span>{catchUpMessage(notice)}</span>
          <Button
            variant="ghost"
            size="sm"
            className="size-7 rounded-full p-0"
            aria-label="Dismiss"
            onClick={onDismiss}
          >
            <X aria-hidden="true" />
          </Button>
        </div>
      )}
    </div>
  );
}

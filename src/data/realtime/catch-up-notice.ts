import { useSyncExternalStore } from 'react';
import type { BackendActivity } from '@/lib/backend-activity';

/** What arrived while the dashboard was away, counted by the server. */
export interface CatchUpNotice extends BackendActivity {
  /** When the data on screen was last known in sync (epoch ms). */
  since: number;
}

/**
 * The one catch-up notice on screen, outside React: the catch-up writes it, the layout reads it.
 * A new notice replaces the last rather than stacking up beside it.
 */
export function createCatchUpNotices() {
  let notice: CatchUpNotice | null = null;
  const listeners = new Set<() => void>();
  const set = (next: CatchUpNotice | null) => {
    notice = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => notice,
    show: (next: CatchUpNotice) => set(next),
    dismiss: () => {
      if (notice) set(null);
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export type CatchUpNotices = ReturnType<typeof createCatchUpNotices>;

export const catchUpNotices = createCatchUpNotices();

export function useCatchUpNotice(notices: CatchUpNotices = catchUpNotices) {
  const notice = useSyncExternalStore(notices.subscribe, notices.get, notices.get);
  return { notice, dismiss: notices.dismiss };
}

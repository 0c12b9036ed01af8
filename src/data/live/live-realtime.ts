import type { RealtimeContext } from '../realtime/realtime-context';
import { liveKeys } from './keys';

/** Any message, call or status change can reorder the live list or change its counts. */
export function applyLiveChange({ refetchSoon }: RealtimeContext): void {
  refetchSoon(liveKeys.all);
}

import type { BackendChange } from '@/lib/backend-changes';
import type { RealtimeContext } from '../realtime/realtime-context';
import { attentionKeys } from './keys';

/**
 * The agent's writes open and close reasons (a reply, a status, a call's analysis), which only
 * the backend's read model can judge: the queue is read again, throttled.
 */
export function applyAttentionChange(context: RealtimeContext, change: BackendChange): void {
  if (change.table === 'numbers') return;
  context.refetchSoon(attentionKeys.queues);
}

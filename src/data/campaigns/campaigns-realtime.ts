import type { RealtimeContext } from '../realtime/realtime-context';
import { campaignKeys } from './keys';

/** Campaign numbers move with every message, call and status change. */
export function applyCampaignChange({ refetchSoon }: RealtimeContext): void {
  refetchSoon(campaignKeys.all);
}

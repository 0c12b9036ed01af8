import { useMutation, useQueryClient } from '@tanstack/react-query';
import { removeAttentionRule, saveAttentionRule } from '@/lib/app-api';
import type { AttentionRuleInput } from '@/lib/attention-types';
import { attentionKeys } from './keys';

/**
 * Save a campaign's rule, or remove it (back to the defaults). The rules and every queue are read
 * again: the queue's entries depend on the thresholds. Colleagues hear of it through realtime.
 */
export function useSaveAttentionRule() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: attentionKeys.rules() });
    await queryClient.invalidateQueries({ queryKey: attentionKeys.queues });
  };
  const save = useMutation({
    mutationFn: (rule: AttentionRuleInput) => saveAttentionRule(rule),
    onSuccess: refresh,
  });
  const reset = useMutation({
    mutationFn: (campaign: string) => removeAttentionRule(campaign),
    onSuccess: refresh,
  });
  return { save, reset };
}

import { ApiError, fail } from './api-error';
import {
  ATTENTION_REASONS,
  type AttentionRule,
  type AttentionRuleInput,
  RULE_LIMITS,
} from './attention-types';
import type { RequestOptions } from './backend-types';
import type { Json, Tables } from './database.types';
import type { DbClient } from './lean-client';

function toRule(row: Tables<'attention_rules'>): AttentionRule {
  return {
    campaign: row.campaign,
    replyWaitMinutes: row.reply_wait_minutes,
    silentHours: row.silent_hours,
    off: row.off,
    updatedAt: row.updated_at,
    updatedByEmail: row.updated_by_email,
  };
}

/**
 * What is wrong with a rule, per field, in words; empty when it can be saved. The table's
 * checks hold the same bounds: this is so the form can say so before a request.
 */
export function ruleProblems(
  rule: AttentionRuleInput,
): Partial<Record<keyof AttentionRuleInput, string>> {
  const problems: Partial<Record<keyof AttentionRuleInput, string>> = {};
  const whole = (value: number, { min, max }: { min: number; max: number }, unit: string) =>
    Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `A whole number of ${unit} from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}.`;
  const wait = whole(rule.replyWaitMinutes, RULE_LIMITS.replyWaitMinutes, 'minutes');
  if (wait) problems.replyWaitMinutes = wait;
  const silent = whole(rule.silentHours, RULE_LIMITS.silentHours, 'hours');
  if (silent) problems.silentHours = silent;
  const known: readonly string[] = ATTENTION_REASONS;
  const unknown = rule.off.filter((code) => !known.includes(code));
  if (unknown.length) problems.off = `Unknown reasons: ${unknown.join(', ')}.`;
  if (!rule.campaign.trim()) problems.campaign = 'A rule belongs to a campaign.';
  return problems;
}

/**
 * The rules as the backend's attention_queue takes them (p_rules): campaigns without a rule keep
 * the function's defaults.
 */
export function rulesParam(rules: readonly AttentionRule[]): Json {
  return {
    campaigns: Object.fromEntries(
      rules.map((r) => [
        r.campaign,
        { reply_wait_minutes: r.replyWaitMinutes, silent_hours: r.silentHours, off: r.off },
      ]),
    ),
  };
}

/** Every campaign's attention rule; managers and admins save and remove them (RLS). */
export function createAttentionRuleQueries(client: DbClient) {
  return {
    async listAttentionRules({ signal }: RequestOptions = {}): Promise<AttentionRule[]> {
      let query = client.from('attention_rules').select('*').order('campaign');
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('attention_rules table')(error, status);
      return data.map(toRule);
    },

    async saveAttentionRule(rule: AttentionRuleInput): Promise<AttentionRule> {
      const problem = Object.values(ruleProblems(rule))[0];
      if (problem) throw new ApiError('validation', problem);
      const { data, error, status } = await client
        .from('attention_rules')
        .upsert({
          campaign: rule.campaign,
          reply_wait_minutes: rule.replyWaitMinutes,
          silent_hours: rule.silentHours,
          off: rule.off,
        })
        .select()
        .single();
      if (error) throw fail('attention_rules table')(error, status);
      return toRule(data);
    },

    /** Back to the defaults. Removing nothing (not a manager, or no rule) is not an error. */
    async removeAttentionRule(campaign: string): Promise<void> {
      const { error, status } = await client
        .from('attention_rules')
        .delete()
        .eq('campaign', campaign);
      if (error) throw fail('attention_rules table')(error, status);
    },
  };
}

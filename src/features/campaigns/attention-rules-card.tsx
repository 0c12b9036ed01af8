import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toaster';
import { useAttentionRules } from '@/data/attention/attention-queries';
import { useSaveAttentionRule } from '@/data/attention/rule-mutations';
import { useSession } from '@/data/auth/session-query';
import { describeError } from '@/lib/api-error';
import { ruleProblems } from '@/lib/app-attention-rules';
import { reasonLabel } from '@/lib/attention-reason-text';
import {
  ATTENTION_REASONS,
  type AttentionRule,
  type AttentionRuleInput,
  DEFAULT_RULE,
  RULE_LIMITS,
} from '@/lib/attention-types';
import { formatDateTime } from '@/lib/format';

const MANAGERS = ['manager', 'admin'];

/** The form's fields as typed: numbers stay text until saved, so "" and "1.5" can be explained. */
interface Draft {
  wait: string;
  silent: string;
  off: string[];
}

const toDraft = (rule: Pick<AttentionRule, 'replyWaitMinutes' | 'silentHours' | 'off'>): Draft => ({
  wait: String(rule.replyWaitMinutes),
  silent: String(rule.silentHours),
  off: rule.off,
});

const fromDraft = (campaign: string, draft: Draft): AttentionRuleInput => ({
  campaign,
  // Number('') is 0 and Number(' 5 ') is 5: an empty box is explained, not read as 0.
  replyWaitMinutes: draft.wait.trim() === '' ? Number.NaN : Number(draft.wait),
  silentHours: draft.silent.trim() === '' ? Number.NaN : Number(draft.silent),
  off: draft.off,
});

function RuleForm({
  campaign,
  rule,
  canEdit,
}: {
  campaign: string;
  rule: AttentionRule | undefined;
  canEdit: boolean;
}) {
  const ids = { wait: useId(), silent: useId(), waitHelp: useId(), silentHelp: useId() };
  const saved = toDraft(rule ?? DEFAULT_RULE);
  const [draft, setDraft] = useState<Draft>(saved);
  const [tried, setTried] = useState(false);
  const { save, reset } = useSaveAttentionRule();
  const input = fromDraft(campaign, draft);
  const problems = ruleProblems(input);
  const changed = JSON.stringify(draft) !== JSON.stringify(saved);
  const busy = save.isPending || reset.isPending;
  const shown = tried ? problems : {};

  const onError = (error: unknown) =>
    toast.error("Couldn't save the attention rules", { description: describeError(error) });

  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (Object.keys(problems).length) return;
        save.mutate(input, {
          onSuccess: () => toast.success(`Attention rules saved for ${campaign}`),
          onError,
        });
      }}
    >
      <fieldset disabled={!canEdit || busy} className="grid gap-4 sm:grid-cols-2">
        <div className="grid content-start gap-1.5">
          <Label htmlFor={ids.wait}>Reply wait (minutes)</Label>
          <Input
            id={ids.wait}
            inputMode="numeric"
            value={draft.wait}
            aria-invalid={Boolean(shown.replyWaitMinutes)}
            aria-describedby={ids.waitHelp}
            onChange={(e) => setDraft({ ...draft, wait: e.target.value })}
          />
          <p
            id={ids.waitHelp}
            className={
              shown.replyWaitMinutes ? 'text-sm text-destructive' : 'text-sm text-muted-foreground'
            }
          >
            {shown.replyWaitMinutes ??
              `An entry opens when the candidate has waited this long for the agent (${RULE_LIMITS.replyWaitMinutes.min} to ${RULE_LIMITS.replyWaitMinutes.max.toLocaleString('en-GB')}).`}
          </p>
        </div>
        <div className="grid content-start gap-1.5">
          <Label htmlFor={ids.silent}>Silent midway (hours)</Label>
          <Input
            id={ids.silent}
            inputMode="numeric"
            value={draft.silent}
            aria-invalid={Boolean(shown.silentHours)}
            aria-describedby={ids.silentHelp}
            onChange={(e) => setDraft({ ...draft, silent: e.target.value })}
          />
          <p
            id={ids.silentHelp}
            className={
              shown.silentHours ? 'text-sm text-destructive' : 'text-sm text-muted-foreground'
            }
          >
            {shown.silentHours ??
              `An entry opens when a conversation part-way through its objectives is quiet this long (${RULE_LIMITS.silentHours.min} to ${RULE_LIMITS.silentHours.max}).`}
          </p>
        </div>
        <fieldset className="grid gap-2 sm:col-span-2">
          <legend className="mb-2 text-sm font-medium">Reasons that open an entry</legend>
          <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
            {ATTENTION_REASONS.map((code) => (
              <label key={code} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked={!draft.off.includes(code)}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      off: e.target.checked
                        ? draft.off.filter((c) => c !== code)
                        : [...draft.off, code],
                    })
                  }
                />
                {reasonLabel(code)}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
      {canEdit && (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={busy || !changed}>
            {save.isPending ? 'Saving…' : 'Save rules'}
          </Button>
          {rule && (
            <Button
              type="button"
              variant="outline"
              disabled={busy}
              onClick={() =>
                reset.mutate(campaign, {
                  onSuccess: () => {
                    setDraft(toDraft(DEFAULT_RULE));
                    toast.success(`${campaign} uses the default attention rules again`);
                  },
                  onError,
                })
              }
            >
              Back to defaults
            </Button>
          )}
        </div>
      )}
    </form>
  );
}

/**
 * The campaign's attention rules (issue 18): how long a candidate may wait for an answer, how
 * long a conversation may go quiet midway, which reasons are on. Managers and admins change
 * them (the app project's RLS holds that); everyone else sees them.
 */
export function AttentionRulesCard({ campaign }: { campaign: string }) {
  const rules = useAttentionRules();
  const role = useSession().data?.staffRoleClaim ?? '';
  const canEdit = MANAGERS.includes(role);
  const rule = rules.data?.find((r) => r.campaign === campaign);
  const headingId = useId();

  return (
    <Card className="grid gap-4 p-5" role="region" aria-labelledby={headingId}>
      <div className="grid gap-1">
        <h2 id={headingId} className="text-lg font-semibold">
          Attention rules
        </h2>
        <p className="text-sm text-muted-foreground">
          {rule
            ? `Set for this campaign${rule.updatedByEmail ? ` by ${rule.updatedByEmail}` : ''}${rule.updatedAt ? `, ${formatDateTime(new Date(rule.updatedAt))}` : ''}.`
            : `The defaults: ${DEFAULT_RULE.replyWaitMinutes} minutes, ${DEFAULT_RULE.silentHours} hours, every reason on.`}
          {!canEdit && ' Only managers change them.'}
        </p>
      </div>
      {rules.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : rules.error ? (
        <p role="alert" className="text-sm text-destructive">
          {describeError(rules.error)}
        </p>
      ) : (
        // A new key when the saved rule changes (here or by a colleague): the form starts from it.
        <RuleForm
          key={rule?.updatedAt ?? 'default'}
          campaign={campaign}
          rule={rule}
          canEdit={canEdit}
        />
      )}
    </Card>
  );
}

import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RelativeTime } from '@/components/relative-time';
import { StatusBadge } from '@/components/status-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { useAttentionEvents, useStaff } from '@/data/attention/attention-queries';
import { useChangeClaim } from '@/data/attention/claim-mutation';
import type { WithCandidateName } from '@/data/live/with-candidate-names';
import { describeError } from '@/lib/api-error';
import type { AttentionClaim, AttentionEntry, ClaimChange } from '@/lib/attention-types';
import { withCandidate } from '@/lib/candidate-link';
import { formatDateTime } from '@/lib/format';
import { formatPhone } from '@/lib/normalizers';
import { describeAttentionEvent, describeReason } from '@/lib/attention-reason-text';

const SNOOZES = [
  { label: '1 hour', ms: 3_600_000 },
  { label: '4 hours', ms: 4 * 3_600_000 },
  { label: '1 day', ms: 24 * 3_600_000 },
];

function History({ sessionId }: { sessionId: string }) {
  const events = useAttentionEvents(useMemo(() => [sessionId], [sessionId]));
  if (events.isPending) return <p className="text-sm text-muted-foreground">Loading history…</p>;
  if (events.error)
    return <p className="text-sm text-destructive">{describeError(events.error)}</p>;
  if (!events.data.length)
    return <p className="text-sm text-muted-foreground">Nothing done yet.</p>;
  return (
    <ol className="grid gap-1 text-sm">
      {events.data.map((e) => (
        <li key={e.id}>
          <time dateTime={e.at} className="text-muted-foreground">
            {formatDateTime(new Date(e.at))}
          </time>{' '}
          {describeAttentionEvent(e)}
          {e.note && <span className="block pl-4 text-muted-foreground">“{e.note}”</span>}
        </li>
      ))}
    </ol>
  );
}

export function AttentionEntryCard({
  entry,
  claim,
  me,
  now,
}: {
  entry: WithCandidateName<AttentionEntry>;
  claim: AttentionClaim | undefined;
  me: string | undefined;
  now: number;
}) {
  const [params] = useSearchParams();
  const change = useChangeClaim();
  const staff = useStaff();
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const ids = { note: useId(), assign: useId(), snooze: useId() };
  const owner = claim?.ownerId ?? null;
  const takenByOther = owner !== null && owner !== me;

  const act = (c: ClaimChange, done?: () => void) => {
    setMessage(null);
    change.mutate(
      { sessionId: entry.sessionId, seenOwnerId: owner, change: c },
      {
        onSuccess: (result) => {
          if (result.ok) return done?.();
          const who = result.claim?.ownerEmail;
          setMessage(
            who
              ? `${who} took this entry a moment ago; nothing was changed. Look again before you act.`
              : 'Someone changed this entry a moment ago; nothing was changed. Look again before you act.',
          );
        },
        onError: (error) => setMessage(describeError(error)),
      },
    );
  };
  const phone = entry.phoneNumber;

  return (
    <li className="grid gap-3 rounded-xl border bg-card p-4">
      <div className="flex flex-wrap items-center gap-2">
        {phone ? (
          <Link
            to={{ search: withCandidate(params, phone, 'chat').toString() }}
            className="font-medium underline-offset-4 hover:underline"
          >
            {entry.candidateName ?? formatPhone(phone)}
          </Link>
        ) : (
          <span className="font-medium">Session {entry.sessionId}</span>
        )}
        {phone && entry.candidateName && (
          <span className="text-sm text-muted-foreground">{formatPhone(phone)}</span>
        )}
        {entry.campaign && <Badge tone="neutral">{entry.campaign}</Badge>}
        <StatusBadge status={entry.status} />
        <span className="ml-auto text-sm text-muted-foreground">
          <RelativeTime value={entry.latest} fallback="" />
        </span>
      </div>
      <ul className="grid gap-1 text-sm">
        {entry.reasons.map((r) => (
          <li key={r.reason} className="flex gap-2">
            <span aria-hidden="true" className="text-amber-600">
              •
            </span>
            {describeReason(r, entry.status, now)}
          </li>
        ))}
      </ul>
      <p className="text-sm" aria-live="polite">
        {owner === null ? (
          <span className="text-muted-foreground">Nobody has this yet.</span>
        ) : takenByOther ? (
          <Badge tone="amber">Taken by {claim?.ownerEmail ?? 'a colleague'}</Badge>
        ) : (
          <Badge tone="green">You have this</Badge>
        )}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        {me && owner !== me && (
          <Button
            size="sm"
            disabled={change.isPending}
            onClick={() => act({ kind: 'assign', ownerId: me })}
          >
            {takenByOther ? 'Take over' : 'Assign to me'}
          </Button>
        )}
        <label htmlFor={ids.assign} className="sr-only">
          Assign to
        </label>
        <NativeSelect
          id={ids.assign}
          className="h-8 w-auto py-0 text-sm"
          value=""
          disabled={change.isPending || !staff.data}
          onChange={(e) => e.target.value && act({ kind: 'assign', ownerId: e.target.value })}
        >
          <option value="">Assign to…</option>
          {staff.data
            ?.filter((s) => s.userId !== owner)
            .map((s) => (
              <option key={s.userId} value={s.userId}>
                {s.email}
              </option>
            ))}
        </NativeSelect>
        <label htmlFor={ids.snooze} className="sr-only">
          Snooze
        </label>
        <NativeSelect
          id={ids.snooze}
          className="h-8 w-auto py-0 text-sm"
          value=""
          disabled={change.isPending}
          onChange={(e) =>
            e.target.value &&
            act({
              kind: 'snooze',
              until: new Date(Date.now() + Number(e.target.value)).toISOString(),
            })
          }
        >
          <option value="">Snooze for…</option>
          {SNOOZES.map((s) => (
            <option key={s.label} value={s.ms}>
              {s.label}
            </option>
          ))}
        </NativeSelect>
        <Button
          size="sm"
          variant="outline"
          onClick={() => setResolving((v) => !v)}
          aria-expanded={resolving}
        >
          Resolve…
        </Button>
      </div>
      {resolving && (
        <form
          className="grid gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            act({ kind: 'resolve', note }, () => setResolving(false));
          }}
        >
          <label htmlFor={ids.note} className="text-sm font-medium">
            Note (optional)
          </label>
          <Textarea
            id={ids.note}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
          />
          <Button type="submit" size="sm" className="w-fit" disabled={change.isPending}>
            Resolve
          </Button>
        </form>
      )}
      {message && (
        <p role="alert" className="text-sm text-destructive">
          {message}
        </p>
      )}
      <details>
        <summary className="cursor-pointer text-sm text-muted-foreground">History</summary>
        <div className="pt-2">
          <History sessionId={entry.sessionId} />
        </div>
      </details>
    </li>
  );
}

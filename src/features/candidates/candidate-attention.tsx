import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { useNow } from '@/components/use-now';
import { useSessionsAttention } from '@/data/attention/attention-queries';
import { useSession } from '@/data/auth/session-query';
import { describeReason } from '@/lib/attention-reason-text';

/**
 * Why this candidate is in the attention queue, and who has it (issue 18), under the dialog's
 * title; nothing when no reason is open. A failure to read it says so in a line, never more:
 * the rest of the dialog does not depend on it.
 */
export function CandidateAttention({ sessionIds }: { sessionIds: string[] }) {
  const now = useNow(30_000);
  const me = useSession().data?.userId;
  const attention = useSessionsAttention(sessionIds, { now });
  if (attention.error)
    return (
      <p className="text-sm text-muted-foreground">
        Couldn&rsquo;t check whether this candidate needs a person.
      </p>
    );
  if (!attention.entries.length) return null;
  return (
    <section
      aria-label="Needs a person"
      className="grid gap-1 rounded-lg border border-amber-600/30 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
    >
      {attention.entries.map(({ entry, claim }) => (
        <div key={entry.sessionId} className="grid gap-1">
          <ul className="grid gap-0.5">
            {entry.reasons.map((r) => (
              <li key={r.reason}>{describeReason(r, entry.status, now)}</li>
            ))}
          </ul>
          <div className="flex flex-wrap items-center gap-2">
            {!claim?.ownerId ? (
              <span>Nobody has this yet.</span>
            ) : claim.ownerId === me ? (
              <Badge tone="green">You have this</Badge>
            ) : (
              <Badge tone="amber">Taken by {claim.ownerEmail ?? 'a colleague'}</Badge>
            )}
            <Link
              to={`/attention${entry.campaign ? `?campaign=${encodeURIComponent(entry.campaign)}` : ''}`}
              className="underline underline-offset-4"
            >
              Open in Attention
            </Link>
          </div>
        </div>
      ))}
    </section>
  );
}

import type { ReactNode } from 'react';
import { DateTime } from '@/components/date-time';
import { ErrorState } from '@/components/query-states';
import { StatusBadge } from '@/components/status-badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import type { Candidate } from '@/lib/app-types';
import type { CandidateSummary } from '@/lib/backend-types';
import { formatPhone, humanizeKey } from '@/lib/normalizers';
import { mailtoHref } from '@/lib/urls';
import { ObjectiveChecklist } from './objective-checklist';
import type { QueryState } from './query-state';

interface CandidateInfoTabProps {
  candidate: QueryState<Candidate | null>;
  profile: QueryState<CandidateSummary>;
}

function Details({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const missing = (text = 'Not given') => <span className="text-muted-foreground">{text}</span>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent className="pt-4">{children}</CardContent>
    </Card>
  );
}

function Loading() {
  return (
    <div className="grid gap-2.5" aria-busy="true" aria-label="Loading">
      {[70, 55, 80, 45].map((width) => (
        <Skeleton key={width} className="h-4" style={{ width: `${width}%` }} />
      ))}
    </div>
  );
}

function CandidateDetails({ candidate }: { candidate: QueryState<Candidate | null> }) {
  if (candidate.data === undefined) {
    return candidate.error ? (
      <ErrorState error={candidate.error} onRetry={candidate.onRetry} />
    ) : (
      <Loading />
    );
  }
  const person = candidate.data;
  if (!person) {
    return (
      <p className="text-sm text-muted-foreground">
        This phone is not in the app's candidates: only the agent knows it.
      </p>
    );
  }
  return (
    <Details
      rows={[
        ['Name', person.fullName],
        ['Phone', <span className="tabular-nums">{formatPhone(person.phoneNumber)}</span>],
        ['Email', person.email ? <EmailAddress email={person.email} /> : missing()],
        [
          'Job',
          person.job
            ? `${person.job.title} (${person.job.trade}, ${person.job.location})`
            : missing('None'),
        ],
        ['Stage', humanizeKey(person.stage)],
        ['Added', <DateTime value={person.createdAt} />],
      ]}
    />
  );
}

function SessionDetails({ profile }: { profile: CandidateSummary }) {
  const session = profile.sessionInfo;
  if (!session) {
    return (
      <p className="text-sm text-muted-foreground">
        The agent has no conversation with this number yet.
      </p>
    );
  }
  const campaign = profile.campaignInfo;
  return (
    <Details
      rows={[
        ['Status', <StatusBadge status={session.status} />],
        ['Campaign', session.campaign ?? missing('None')],
        ...(campaign?.description ? [['About', campaign.description] as [string, ReactNode]] : []),
        ['Session', <span className="font-mono text-xs break-all">{session.sessionId}</span>],
        ['Started', <DateTime value={session.createdAt} />],
        ['Updated', <DateTime value={session.updatedAt} />],
        ...(profile.sessions.length > 1
          ? [
              ['Sessions', `${profile.sessions.length} (the latest is shown)`] as [
                string,
                ReactNode,
              ],
            ]
          : []),
      ]}
    />
  );
}

/** Who the candidate is, where their conversation stands, and which objectives it has met. */
export function CandidateInfoTab({ candidate, profile }: CandidateInfoTabProps) {
  const profileState =
    profile.data === undefined ? (
      profile.error ? (
        <ErrorState error={profile.error} onRetry={profile.onRetry} />
      ) : (
        <Loading />
      )
    ) : null;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Section title="Candidate">
        <CandidateDetails candidate={candidate} />
      </Section>
      <Section title="Conversation">
        {profileState ?? (profile.data && <SessionDetails profile={profile.data} />)}
      </Section>
      <div className="md:col-span-2">
        <Section title="Objectives">
          {profileState ??
            (profile.data?.sessionInfo ? (
              <ObjectiveChecklist
                objectives={profile.data.sessionInfo.objectives}
                campaignObjectives={profile.data.campaignInfo?.objectives ?? []}
              />
            ) : (
              <p className="text-sm text-muted-foreground">
                Objectives are tracked once the agent starts a conversation.
              </p>
            ))}
        </Section>
      </div>
    </div>
  );
}

/** A link that writes to this one address; anything else a candidate's row holds, as text only. */
function EmailAddress({ email }: { email: string }) {
  const href = mailtoHref(email);
  if (!href) return <span className="break-all">{email}</span>;
  return (
    <a className="underline underline-offset-4" href={href}>
      {email}
    </a>
  );
}

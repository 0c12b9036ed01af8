import type { ReactNode } from 'react';
import { RelativeTime } from '@/components/relative-time';
import type { BackendCampaignStats } from '@/lib/backend-types';
import { formatCount, formatPercent } from '@/lib/format';
import { formatDuration } from '@/lib/normalizers';
import { ShareBar } from './share-bar';

function Figure({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <div className="grid content-start gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-xl font-semibold" title={hint}>
        {children}
      </dd>
    </div>
  );
}

/** A campaign's headline numbers (issue 6), computed in Postgres by campaign_stats. */
export function CampaignFigures({ stats }: { stats: BackendCampaignStats }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-4">
      <Figure label="Contacts">{formatCount(stats.totalSessions)}</Figure>
      <Figure label="Active now">{formatCount(stats.activeSessions)}</Figure>
      <Figure
        label="Reply rate"
        hint={`${formatCount(stats.repliedContacts)} of ${formatCount(stats.totalSessions)} contacts sent a message`}
      >
        {formatPercent(stats.replyRate)}
      </Figure>
      <Figure label="Average call">
        {stats.averageCallDuration === null ? '–' : formatDuration(stats.averageCallDuration)}
      </Figure>
      <Figure label="Messages sent">{formatCount(stats.messagesOut)}</Figure>
      <Figure label="Messages received">{formatCount(stats.messagesIn)}</Figure>
      <Figure label="Calls made">{formatCount(stats.totalCalls)}</Figure>
      <Figure label="Calls completed">{formatCount(stats.callsCompleted)}</Figure>
    </dl>
  );
}

/** Objectives achieved, in the campaign's order: count and share of contacts, with a bar each. */
export function ObjectiveBars({ stats }: { stats: BackendCampaignStats }) {
  if (!stats.objectiveBreakdown.length) {
    return <p className="text-sm text-muted-foreground">This campaign has no objectives.</p>;
  }
  return (
    <ul className="grid gap-2">
      {stats.objectiveBreakdown.map((o) => (
        <li key={o.key} className="grid gap-1">
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="truncate">{o.label}</span>
            <span className="shrink-0 text-muted-foreground">
              <span className="font-medium text-foreground">{formatCount(o.achieved)}</span> ·{' '}
              {formatPercent(o.share)}
            </span>
          </div>
          <ShareBar share={o.share} />
        </li>
      ))}
    </ul>
  );
}

export function LastActivity({ at }: { at: string | null }) {
  return (
    <p className="text-sm text-muted-foreground">
      Last activity <RelativeTime value={at} fallback="none yet" />
    </p>
  );
}

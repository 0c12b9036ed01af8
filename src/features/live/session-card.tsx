import { Clock, Hourglass, MessageSquare, Phone } from 'lucide-react';
import { memo } from 'react';
import { Link } from 'react-router';
import { RelativeTime } from '@/components/relative-time';
import { StatusBadge } from '@/components/status-badge';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { LiveSession } from '@/data/live/live-sessions-query';
import { formatCount } from '@/lib/format';
import { formatPhone } from '@/lib/normalizers';
import { ObjectiveBadges } from './objective-badges';

const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * One live conversation. The whole card opens the candidate (`href`): a real link in the title,
 * stretched over the card, so it is one tab stop, opens in a new tab with a middle click, and
 * reads as the candidate's name. Without a usable phone there is nobody to open.
 *
 * Memoised: the Live page re-renders on every poll and clock tick, and React Query keeps an
 * unchanged session the same object, so only the cards whose session changed render again.
 */
export const SessionCard = memo(function SessionCard({
  session,
  href,
  stalledFor,
}: {
  session: LiveSession;
  href: string | null;
  /** The stall threshold in words ("1 hour") when this session has stalled. */
  stalledFor: string | null;
}) {
  const phone = session.phoneNumber ? formatPhone(session.phoneNumber) : null;
  const title = session.candidateName ?? phone ?? session.sessionId;
  return (
    <Card className="relative grid gap-3 p-4 transition-colors focus-within:ring-[3px] focus-within:ring-ring/50 hover:border-primary/40">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate font-medium">
            {href ? (
              <Link
                to={href}
                className="outline-none after:absolute after:inset-0 after:rounded-xl after:content-['']"
              >
                {title}
                <span className="sr-only">, open the chat</span>
              </Link>
            ) : (
              title
            )}
          </h2>
          <p className="truncate text-sm text-muted-foreground">
            {session.candidateName && phone ? `${phone} · ` : ''}
            {session.campaign ?? 'No campaign'}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap justify-end gap-1.5">
          {stalledFor && (
            <Badge
              tone="neutral"
              className="border-foreground/30 font-semibold"
              title={`No activity for over ${stalledFor}`}
            >
              <Hourglass aria-hidden="true" />
              Stalled
            </Badge>
          )}
          <StatusBadge status={session.status} />
        </div>
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted-foreground">
        <span className="inline-flex items-center gap-1.5">
          <MessageSquare aria-hidden="true" className="size-4" />
          {plural(session.messageCount, 'message', 'messages')}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <Phone aria-hidden="true" className="size-4" />
          {plural(session.callCount, 'call', 'calls')}
        </span>
        {/* Above the stretched link, so hovering shows the exact time. */}
        <span className="relative z-10 inline-flex items-center gap-1.5">
          <Clock aria-hidden="true" className="size-4" />
          <span className="sr-only">Last activity </span>
          <RelativeTime value={session.lastActivity} fallback="No activity yet" />
        </span>
      </p>
      <ObjectiveBadges objectives={session.objectives} />
    </Card>
  );
});

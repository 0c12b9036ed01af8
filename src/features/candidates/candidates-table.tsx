import { MessageCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RelativeTime } from '@/components/relative-time';
import { StatusBadge } from '@/components/status-badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import type { CandidateRow } from '@/data/candidates/candidates-query';
import { withCandidate } from '@/lib/candidate-link';
import { formatPhone, humanizeKey } from '@/lib/normalizers';
import { cn } from '@/lib/utils';

const HEADINGS = ['Candidate', 'Campaign', 'Stage', 'Status', 'Last activity', 'Actions'];

function TableFrame({ children, busy }: { children: ReactNode; busy: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <table className="w-full min-w-[44rem] text-sm" aria-busy={busy}>
        <thead className="border-b bg-muted/50 text-left text-muted-foreground">
          <tr>
            {HEADINGS.map((heading, index) => (
              <th
                key={heading}
                scope="col"
                className={cn(
                  'px-3 py-2 font-medium whitespace-nowrap',
                  index === HEADINGS.length - 1 && 'sr-only',
                )}
              >
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y">{children}</tbody>
      </table>
    </div>
  );
}

export function CandidatesTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <TableFrame busy>
      {Array.from({ length: rows }, (_, index) => (
        <tr key={index}>
          <td className="px-3 py-2.5">
            <Skeleton className="h-4 w-36" />
            <Skeleton className="mt-1.5 h-3 w-28" />
          </td>
          {[28, 16, 16, 20, 24].map((width, cell) => (
            <td key={cell} className="px-3 py-2.5">
              <Skeleton className="h-4" style={{ width: `${width * 4}px` }} />
            </td>
          ))}
        </tr>
      ))}
    </TableFrame>
  );
}

export function CandidatesTable({ rows, busy }: { rows: CandidateRow[]; busy: boolean }) {
  const [params] = useSearchParams();
  const linkTo = (row: CandidateRow, tab: 'info' | 'chat') => ({
    search: `?${withCandidate(params, row.phoneNumber, tab).toString()}`,
  });
  return (
    <TableFrame busy={busy}>
      {rows.map((row) => (
        <tr key={row.id} className={cn('align-middle', busy && 'opacity-60')}>
          <td className="px-3 py-2">
            <Link
              to={linkTo(row, 'info')}
              className="rounded-sm font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              {row.fullName}
            </Link>
            <div className="whitespace-nowrap text-muted-foreground tabular-nums">
              {formatPhone(row.phoneNumber)}
            </div>
          </td>
          <td className="px-3 py-2">
            {row.campaign ?? <span className="text-muted-foreground">None</span>}
          </td>
          <td className="px-3 py-2">{humanizeKey(row.stage)}</td>
          <td className="px-3 py-2">
            {row.session ? (
              <StatusBadge status={row.session.status} />
            ) : (
              <span className="text-muted-foreground">Not contacted</span>
            )}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <RelativeTime value={row.session?.lastActivity} fallback="No activity" />
          </td>
          <td className="px-3 py-2 text-right">
            <Button asChild variant="outline" size="sm">
              <Link to={linkTo(row, 'chat')} aria-label={`View chat with ${row.fullName}`}>
                <MessageCircle aria-hidden="true" />
                View chat
              </Link>
            </Button>
          </td>
        </tr>
      ))}
    </TableFrame>
  );
}

import { RefreshCw } from 'lucide-react';
import { StatusBadge } from '@/components/status-badge';
import { Button } from '@/components/ui/button';
import { DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Skeleton } from '@/components/ui/skeleton';
import type { Candidate } from '@/lib/app-types';
import type { CandidateSummary } from '@/lib/backend-types';
import { formatPhone } from '@/lib/normalizers';
import { cn } from '@/lib/utils';
import { CandidateAttention } from './candidate-attention';

interface CandidateDialogHeaderProps {
  phone: string;
  candidate: Candidate | null | undefined;
  profile: CandidateSummary | undefined;
  onRefresh: () => void;
  refreshing: boolean;
}

/** The candidate's name (or phone), phone, campaign and status, and a Refresh for the dialog. */
export function CandidateDialogHeader({
  phone,
  candidate,
  profile,
  onRefresh,
  refreshing,
}: CandidateDialogHeaderProps) {
  const campaign = profile?.sessionInfo?.campaign ?? candidate?.campaign;
  return (
    <DialogHeader className="flex-row flex-wrap items-center gap-x-4 gap-y-2">
      <div className="grid min-w-0 flex-1 gap-1">
        <DialogTitle className="truncate">
          {candidate === undefined ? (
            <Skeleton className="h-6 w-48" />
          ) : (
            (candidate?.fullName ?? formatPhone(phone))
          )}
        </DialogTitle>
        <DialogDescription asChild>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="tabular-nums">{formatPhone(phone)}</span>
            {campaign && (
              <>
                <span aria-hidden="true">·</span>
                <span>{campaign}</span>
              </>
            )}
            {profile?.sessionInfo && (
              <>
                <span aria-hidden="true">·</span>
                <StatusBadge status={profile.sessionInfo.status} />
              </>
            )}
          </div>
        </DialogDescription>
        {profile && <CandidateAttention sessionIds={profile.sessionIds} />}
      </div>
      <Button variant="outline" size="sm" onClick={onRefresh} disabled={refreshing}>
        <RefreshCw aria-hidden="true" className={cn(refreshing && 'animate-spin')} />
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </Button>
    </DialogHeader>
  );
}

import { useState } from 'react';
import { EmptyState, ErrorState } from '@/components/query-states';
import { Skeleton } from '@/components/ui/skeleton';
import type { CallInfo } from '@/lib/backend-types';
import { formatPhone } from '@/lib/normalizers';
import { CallCard } from './call-card';
import { TranscriptDialog } from './transcript-dialog';

export interface CallHistoryViewProps {
  /** Newest first; undefined while they load. */
  calls: CallInfo[] | undefined;
  /** The candidate's phone, named in the empty state. */
  phone?: string;
  isLoading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /**
   * The call whose transcript is open. Pass both to keep it somewhere (the URL); leave them out
   * and the view keeps it itself.
   */
  openTranscriptId?: string | null;
  onOpenTranscriptChange?: (callId: string | null) => void;
  /** Words to look for in the transcript opened by `openTranscriptId`. */
  transcriptFind?: string | null;
}

function CallsSkeleton() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading calls">
      {[0, 1, 2].map((index) => (
        <Skeleton key={index} className="h-32 w-full rounded-xl" />
      ))}
    </div>
  );
}

/** Every call with a candidate: when, how long, outcome, recording, transcript and analysis. */
export function CallHistoryView({
  calls,
  phone,
  isLoading = false,
  error,
  onRetry,
  openTranscriptId,
  onOpenTranscriptChange,
  transcriptFind,
}: CallHistoryViewProps) {
  const [localOpenId, setLocalOpenId] = useState<string | null>(null);
  const openId = onOpenTranscriptChange ? (openTranscriptId ?? null) : localOpenId;
  const setOpenId = onOpenTranscriptChange ?? setLocalOpenId;

  if (error && !calls) {
    return <ErrorState title="Couldn't load the calls" error={error} onRetry={() => onRetry?.()} />;
  }
  if (isLoading || !calls) return <CallsSkeleton />;
  if (calls.length === 0) {
    return (
      <EmptyState title={phone ? `No calls with ${formatPhone(phone)}` : 'No calls yet'}>
        The agent hasn't called this candidate yet. Calls appear here once the voice provider
        reports them.
      </EmptyState>
    );
  }
  const openCall = calls.find((call) => call.call_id === openId && call.transcript) ?? null;
  return (
    <>
      <ol className="grid gap-3" aria-label="Calls, newest first">
        {calls.map((call) => (
          <li key={call.call_id}>
            <CallCard call={call} onOpenTranscript={() => setOpenId(call.call_id)} />
          </li>
        ))}
      </ol>
      <TranscriptDialog call={openCall} find={transcriptFind} onClose={() => setOpenId(null)} />
    </>
  );
}

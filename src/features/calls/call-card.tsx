import { FileText, PhoneMissed, PhoneCall } from 'lucide-react';
import { DateTime } from '@/components/date-time';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { CallInfo } from '@/lib/backend-types';
import { CallAnalysisView } from './call-analysis-view';
import { CallStatusBadge, neverConnected } from './call-status';
import { RecordingPlayer } from './recording-player';

interface CallCardProps {
  call: CallInfo;
  onOpenTranscript: () => void;
}

export function CallCard({ call, onOpenTranscript }: CallCardProps) {
  const missed = neverConnected(call);
  const Icon = missed ? PhoneMissed : PhoneCall;
  const header = (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <Icon className="size-4 text-muted-foreground" aria-hidden="true" />
      <h3 className="font-medium tabular-nums">
        <DateTime value={call.called_at} fallback="Date unknown" />
      </h3>
      <span className="text-sm text-muted-foreground tabular-nums">
        <span className="sr-only">Duration </span>
        {call.durationLabel}
      </span>
      <CallStatusBadge status={call.status} />
      {call.transcript && (
        <Button variant="outline" size="sm" className="ml-auto" onClick={onOpenTranscript}>
          <FileText aria-hidden="true" />
          Transcript
        </Button>
      )}
    </div>
  );

  if (missed) {
    // Nobody picked up: a line saying so, with the provider's note if it left one.
    return (
      <Card className="grid gap-1 px-4 py-3">
        {header}
        <p className="text-sm text-muted-foreground">
          Didn't connect{call.analysis.summary ? `: ${call.analysis.summary}` : '.'}
        </p>
      </Card>
    );
  }

  return (
    <Card className="grid gap-4 p-4">
      {header}
      <section className="grid gap-1.5" aria-label="Recording">
        <RecordingPlayer call={call} />
      </section>
      <section className="grid gap-1.5">
        <h4 className="text-sm font-medium">AI analysis</h4>
        <CallAnalysisView analysis={call.analysis} />
      </section>
    </Card>
  );
}

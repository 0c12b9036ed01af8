import { FileDown } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DateTime } from '@/components/date-time';
import { HighlightedText } from '@/components/highlighted-text';
import { EmptyState } from '@/components/query-states';
import { SearchStepper } from '@/components/search-stepper';
import { textMatcher } from '@/components/text-match';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import type { CallInfo } from '@/lib/backend-types';
import { cn } from '@/lib/utils';
import {
  SPEAKER_NAMES,
  downloadText,
  transcriptFileName,
  transcriptPlainText,
  transcriptTurns,
} from './transcript-text';

interface TranscriptDialogProps {
  call: CallInfo | null;
  /** Words to look for as it opens (a search result's match). */
  find?: string | null;
  onClose: () => void;
}

/** A call's transcript as speaker turns, searchable, downloadable as plain text. */
export function TranscriptDialog({ call, find, onClose }: TranscriptDialogProps) {
  return (
    <Dialog open={call !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="h-[min(44rem,calc(100dvh-2rem))] max-w-3xl">
        {call && <TranscriptBody call={call} find={find ?? ''} />}
      </DialogContent>
    </Dialog>
  );
}

function TranscriptBody({ call, find }: { call: CallInfo; find: string }) {
  const turns = useMemo(() => transcriptTurns(call.transcript), [call.transcript]);
  const [query, setQuery] = useState(find);
  const [hitIndex, setHitIndex] = useState(0);
  const listRef = useRef<HTMLOListElement>(null);

  const hits = useMemo(() => {
    const matches = textMatcher(query);
    return matches ? turns.flatMap((turn, index) => (matches(turn.text) ? [index] : [])) : [];
  }, [turns, query]);
  const current = hits.length ? Math.min(hitIndex, hits.length - 1) : null;
  const activeTurn = current === null ? null : hits[current];

  useEffect(() => {
    if (activeTurn === undefined || activeTurn === null) return;
    // jsdom has no scrollIntoView; browsers all do.
    listRef.current?.children[activeTurn]?.scrollIntoView?.({ block: 'nearest' });
  }, [activeTurn]);

  return (
    <>
      <DialogHeader>
        <DialogTitle>Call transcript</DialogTitle>
        <DialogDescription>
          Call on <DateTime value={call.called_at} fallback="an unknown date" />
          {' · '}
          {call.durationLabel}
        </DialogDescription>
      </DialogHeader>
      <div className="flex flex-wrap items-center gap-2 border-b px-5 py-2">
        <SearchStepper
          label="Search the transcript"
          className="min-w-60 flex-1"
          value={query}
          onValueChange={(value) => {
            setQuery(value);
            setHitIndex(0);
          }}
          current={current}
          total={hits.length}
          onStep={(direction) =>
            setHitIndex(((current ?? 0) + direction + hits.length) % hits.length)
          }
        />
        <Button
          variant="outline"
          size="sm"
          disabled={turns.length === 0}
          onClick={() => downloadText(transcriptPlainText(turns), transcriptFileName(call.call_id))}
        >
          <FileDown aria-hidden="true" />
          Download .txt
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-5">
        {turns.length === 0 ? (
          <EmptyState title="No transcript">
            The voice provider sent no transcript for this call.
          </EmptyState>
        ) : (
          <ol ref={listRef} className="grid gap-3" aria-label="Transcript">
            {turns.map((turn, index) => {
              const agent = turn.speaker === 'agent';
              return (
                <li
                  key={index}
                  data-active={index === activeTurn || undefined}
                  className={cn(
                    'grid max-w-[85%] gap-0.5 rounded-lg px-3 py-2 text-sm',
                    agent
                      ? 'justify-self-end bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50'
                      : turn.speaker === 'user'
                        ? 'justify-self-start border bg-card'
                        : 'justify-self-start bg-muted',
                    index === activeTurn &&
                      'ring-2 ring-primary ring-offset-2 ring-offset-background',
                  )}
                >
                  <span className="text-xs font-semibold">{SPEAKER_NAMES[turn.speaker]}</span>
                  <span className="break-words whitespace-pre-wrap">
                    <HighlightedText text={turn.text} query={query} />
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </>
  );
}

import { RawJsonToggle } from '@/components/raw-json-toggle';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { CallAnalysis } from '@/lib/backend-types';

const SENTIMENT_TONES: Record<string, BadgeTone> = {
  positive: 'green',
  neutral: 'grey',
  mixed: 'amber',
  negative: 'red',
};

function successOf(successful: boolean | null): { label: string; tone: BadgeTone } {
  if (successful === true) return { label: 'Yes', tone: 'green' };
  if (successful === false) return { label: 'No', tone: 'red' };
  return { label: 'Unknown', tone: 'neutral' };
}

function hasAnalysis(analysis: CallAnalysis): boolean {
  return analysis.raw !== null && analysis.raw !== undefined && analysis.raw !== '';
}

/** The voice provider's analysis for people: summary, sentiment, success, then every other field. */
export function CallAnalysisView({ analysis }: { analysis: CallAnalysis }) {
  if (!hasAnalysis(analysis)) {
    return <p className="text-sm text-muted-foreground">No AI analysis for this call.</p>;
  }
  const success = successOf(analysis.successful);
  return (
    <div className="grid gap-3">
      {analysis.summary && <p className="text-sm whitespace-pre-wrap">{analysis.summary}</p>}
      <div className="flex flex-wrap gap-3 text-sm">
        <span className="flex items-center gap-1.5">
          <span className="text-muted-foreground">Sentiment</span>
          {analysis.sentiment ? (
            <Badge tone={SENTIMENT_TONES[analysis.sentiment.toLowerCase()] ?? 'neutral'}>
              {analysis.sentiment.charAt(0).toUpperCase() + analysis.sentiment.slice(1)}
            </Badge>
          ) : (
            <Badge>Unknown</Badge>
          )}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="text-muted-foreground">Successful</span>
          <Badge tone={success.tone}>{success.label}</Badge>
        </span>
      </div>
      {analysis.fields.length > 0 && (
        <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 rounded-md border p-3 text-sm">
          {analysis.fields.map((field) => (
            <div key={field.key} className="contents">
              <dt className="text-muted-foreground">{field.label}</dt>
              <dd className="break-words whitespace-pre-wrap">{field.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <RawJsonToggle value={analysis.raw} />
    </div>
  );
}

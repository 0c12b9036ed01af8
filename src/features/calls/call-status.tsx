import { Phone } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { humanizeKey } from '@/lib/normalizers';

// One colour and word per call outcome, on every call card: connected green, missed grey,
// a voicemail amber (someone may call back), failed red.
const CALL_STATUSES: Record<string, { label: string; tone: BadgeTone }> = {
  completed: { label: 'Completed', tone: 'green' },
  voicemail: { label: 'Voicemail', tone: 'amber' },
  'no-answer': { label: 'No answer', tone: 'grey' },
  busy: { label: 'Busy', tone: 'grey' },
  canceled: { label: 'Cancelled', tone: 'grey' },
  failed: { label: 'Failed', tone: 'red' },
};

// Outcomes in which nobody picked up: there is nothing to play or read.
const NOT_CONNECTED = new Set(['no-answer', 'busy', 'failed', 'canceled']);

const keyOf = (status: string | null) =>
  (status ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/** A call that never reached anyone: no duration, or an outcome such as no answer. */
export function neverConnected(call: { status: string | null; duration: number | null }): boolean {
  return call.duration === null || call.duration === 0 || NOT_CONNECTED.has(keyOf(call.status));
}

export function CallStatusBadge({ status }: { status: string | null }) {
  const known = CALL_STATUSES[keyOf(status)];
  return (
    <Badge tone={known?.tone ?? 'neutral'}>
      <Phone aria-hidden="true" />
      <span className="sr-only">Call </span>
      {known?.label ?? (status ? humanizeKey(status) : 'Unknown outcome')}
    </Badge>
  );
}

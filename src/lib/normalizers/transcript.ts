import { isRecord, nonBlank, parseJsonContainer, roleOf, total } from './text';

export type Speaker = 'agent' | 'user' | 'unknown';

export interface TranscriptTurn {
  speaker: Speaker;
  text: string;
}

// Longer than any speaker label, so a colon deep inside a sentence is never taken for one.
const MAX_LABEL_LENGTH = 20;

/**
 * `calls.transcript` → speaker turns. Text with `Agent:`/`User:`-style labels (AI, Assistant, Bot /
 * Customer, Candidate, Caller, any case), lines without a label continuing the turn above; or a
 * JSON list of `{role, content}` / `{speaker, text}` turns. One pass over the text.
 */
export const parseTranscript = total(
  (raw: unknown): TranscriptTurn[] => {
    if (Array.isArray(raw)) return listTurns(raw);
    if (typeof raw !== 'string') return [];
    const parsed = parseJsonContainer(raw);
    return Array.isArray(parsed) ? listTurns(parsed) : textTurns(raw);
  },
  () => [],
);

function speakerOf(label: unknown): Speaker {
  const role = roleOf(label);
  return role === 'agent' || role === 'user' ? role : 'unknown';
}

function listTurns(items: unknown[]): TranscriptTurn[] {
  return items.flatMap((item): TranscriptTurn[] => {
    if (!isRecord(item)) {
      const text = nonBlank(item);
      return text === null ? [] : [{ speaker: 'unknown', text }];
    }
    const text = nonBlank(item.content) ?? nonBlank(item.text) ?? nonBlank(item.message);
    return text === null ? [] : [{ speaker: speakerOf(item.role ?? item.speaker), text }];
  });
}

function textTurns(transcript: string): TranscriptTurn[] {
  const turns: { speaker: Speaker; lines: string[] }[] = [];
  for (const rawLine of transcript.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    const label = colon > 0 && colon <= MAX_LABEL_LENGTH ? line.slice(0, colon) : null;
    const current = turns.at(-1);
    if (label !== null && roleOf(label) !== 'unknown') {
      const text = line.slice(colon + 1).trim();
      turns.push({ speaker: speakerOf(label), lines: text === '' ? [] : [text] });
    } else if (current) {
      current.lines.push(line);
    } else {
      turns.push({ speaker: 'unknown', lines: [line] });
    }
  }
  return turns
    .filter((turn) => turn.lines.length > 0)
    .map((turn) => ({ speaker: turn.speaker, text: turn.lines.join('\n') }));
}

import { parseTranscript, type Speaker, type TranscriptTurn } from '@/lib/normalizers';

export const SPEAKER_NAMES: Record<Speaker, string> = {
  agent: 'AI agent',
  user: 'Candidate',
  unknown: 'Speaker',
};

/** A call's transcript as speaker turns; the raw text as one turn when it has no labels. */
export function transcriptTurns(transcript: string | null): TranscriptTurn[] {
  return transcript ? parseTranscript(transcript) : [];
}

/** The transcript as a plain-text file: one "Speaker: text" paragraph per turn. */
export function transcriptPlainText(turns: readonly TranscriptTurn[]): string {
  return `${turns.map((turn) => `${SPEAKER_NAMES[turn.speaker]}: ${turn.text}`).join('\n\n')}\n`;
}

/** A file name that is safe everywhere: `transcript-<call id>.txt`. */
export function transcriptFileName(callId: string): string {
  return `transcript-${callId.replace(/[^\w.-]+/g, '_').slice(0, 80)}.txt`;
}

/** Saves `text` through a temporary object URL; nothing leaves the browser. */
export function downloadText(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

// Pure, total normalizers for the agent's messy backend data (DESIGN §3, §4).
export { normalizeAnalysis, type CallAnalysis } from './call-analysis';
export { normalizeMessage, type Sender } from './chat-message';
export { formatDuration } from './duration';
export { normalizeObjectives, type NormalizedObjective } from './objectives';
export { digitsOf, formatPhone, normalizePhone, phoneVariants, type PhoneError } from './phone';
export { humanizeKey } from './text';
export { parseTranscript, type Speaker, type TranscriptTurn } from './transcript';

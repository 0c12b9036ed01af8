import {
  isRecord,
  parseJsonContainer,
  roleOf,
  total,
  type Sender,
  type UnknownRecord,
} from './text';

export type { Sender };

interface NormalizedMessage {
  sender: Sender;
  /** Plain text, trimmed; render it as text, never as HTML. */
  text: string;
  /** The stored JSON as it was, for "unsupported message" and "show raw". */
  raw: unknown;
  /** false when the shape is not recognised: show it as unsupported, with its raw JSON. */
  supported: boolean;
}

/** `chat_history.message` JSONB in any shape the agent's memory or bridge writes → sender + text. */
export const normalizeMessage = total(
  (raw: unknown): NormalizedMessage => {
    const { sender, text } = read(raw);
    return { sender, text: text.trim(), raw, supported: sender !== 'unknown' };
  },
  (raw): NormalizedMessage => ({ sender: 'unknown', text: '', raw, supported: false }),
);

function read(raw: unknown): { sender: Sender; text: string } {
  if (typeof raw === 'string') {
    // A message object stored as a JSON string (any form below that names a speaker); otherwise
    // the string is all there is to show.
    const parsed = parseJsonContainer(raw);
    const inner = isRecord(parsed) ? read(parsed) : undefined;
    return inner && inner.sender !== 'unknown' ? inner : { sender: 'unknown', text: raw };
  }
  if (!isRecord(raw)) return { sender: 'unknown', text: '' };
  // LangChain JS serialisation: {lc: 1, type: 'constructor', id: [..., 'HumanMessage'], kwargs}.
  if (raw.type === 'constructor' && Array.isArray(raw.id) && isRecord(raw.kwargs)) {
    return { sender: roleOf(raw.id.at(-1)), text: contentText(raw.kwargs.content) };
  }
  const body = isRecord(raw.data) && !('content' in raw) ? raw.data : raw;
  return {
    sender: roleOf(labelOf(raw)),
    text: contentText('content' in body ? body.content : body.text),
  };
}

/** LangChain `type`, else OpenAI `role`, else a bridge's `sender`. */
function labelOf(message: UnknownRecord): unknown {
  for (const key of ['type', 'role', 'sender']) {
    if (roleOf(message[key]) !== 'unknown') return message[key];
  }
  return undefined;
}

/** A string, or multimodal parts: text parts joined by lines, other parts named in brackets. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (typeof content === 'number' || typeof content === 'boolean') return String(content);
  const parts = Array.isArray(content) ? content : isRecord(content) ? [content] : [];
  return parts
    .map(partText)
    .filter((text) => text !== '')
    .join('\n');
}

function partText(part: unknown): string {
  if (typeof part === 'string') return part.trim();
  if (!isRecord(part)) return '';
  if (typeof part.text === 'string') return part.text.trim();
  const type = typeof part.type === 'string' ? part.type.toLowerCase() : '';
  if (type.includes('image')) return '[image]';
  if (type.includes('audio')) return '[audio]';
  if (type.includes('video')) return '[video]';
  if (type.includes('file') || type.includes('document')) return '[file]';
  if (type === 'tool_use' || type === 'function_call') {
    return typeof part.name === 'string' ? `[tool call: ${part.name}]` : '[tool call]';
  }
  if (type === 'tool_result') return '[tool result]';
  return type === '' ? '[attachment]' : `[${type}]`;
}

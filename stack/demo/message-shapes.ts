import type { ScriptMessage } from './conversation';
import type { Rng } from './random';
import type { Json } from './types';

// How different agents store a chat turn in chat_history.message (fixtures/messages.json): each
// session keeps one format, as one agent version wrote it, and a few rows are things no
// normalizer knows, which the dashboard must show as "unsupported".

export type MessageFormat = 'langchain' | 'langchain-data' | 'parts' | 'role' | 'sender';

export function pickFormat(rng: Rng): MessageFormat {
  return rng.weighted<MessageFormat>([
    ['langchain', 72],
    ['langchain-data', 8],
    ['parts', 6],
    ['role', 8],
    ['sender', 6],
  ]);
}

type LangchainType = 'human' | 'ai' | 'system' | 'tool';

const LANGCHAIN_TYPE: Record<ScriptMessage['sender'], LangchainType> = {
  user: 'human',
  agent: 'ai',
  system: 'system',
  tool: 'tool',
};

/** Agent text split into sentences, as multi-part content blocks (one sentence stays a string). */
function asParts(text: string): Json {
  const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean);
  return sentences.length < 2
    ? text
    : sentences.map((sentence) => ({ type: 'text', text: sentence }));
}

/** LangChain / n8n chat memory: `{type, content, …}`, with tool calls on ai turns. */
function langchain(rng: Rng, message: ScriptMessage, content: Json): { [key: string]: Json } {
  const type = LANGCHAIN_TYPE[message.sender];
  if (message.toolCall) {
    return {
      type,
      content: '',
      tool_calls: [{ ...message.toolCall, type: 'tool_call' }],
      additional_kwargs: {},
      response_metadata: { finish_reason: 'tool_calls' },
      invalid_tool_calls: [],
    };
  }
  if (message.toolCallId) {
    return { type, content, tool_call_id: message.toolCallId, name: message.toolName ?? null };
  }
  // Newer LangChain versions also write empty tool-call lists on every ai turn.
  if (type === 'ai' && rng.chance(0.5)) {
    return {
      type,
      content,
      tool_calls: [],
      additional_kwargs: {},
      response_metadata: {},
      invalid_tool_calls: [],
    };
  }
  return { type, content, additional_kwargs: {}, response_metadata: {} };
}

/** OpenAI chat-completions form: `{role, content}`, tools as function calls. */
function role(message: ScriptMessage): Json {
  if (message.toolCall) {
    const { id, name, args } = message.toolCall;
    return {
      role: 'assistant',
      content: null,
      tool_calls: [{ id, type: 'function', function: { name, arguments: JSON.stringify(args) } }],
    };
  }
  if (message.toolCallId)
    return { role: 'tool', tool_call_id: message.toolCallId, content: message.text };
  const roles = { user: 'user', agent: 'assistant', system: 'system', tool: 'tool' } as const;
  return { role: roles[message.sender], content: message.text };
}

/**
 * The stored JSON for one turn, or undefined where that kind of store keeps no such row
 * (a WhatsApp bridge logs what was sent and received, not prompts or tool calls).
 */
export function encodeMessage(
  rng: Rng,
  format: MessageFormat,
  message: ScriptMessage,
): Json | undefined {
  switch (format) {
    case 'langchain':
      return langchain(rng, message, message.text);
    case 'parts':
      return langchain(
        rng,
        message,
        message.sender === 'agent' ? asParts(message.text) : message.text,
      );
    case 'langchain-data': {
      // The Python dict form: the fields sit under `data`, with the type repeated inside.
      const { type, ...fields } = langchain(rng, message, message.text);
      return {
        type: type ?? null,
        data: { name: null, id: null, ...fields, type: type ?? null, example: false },
      };
    }
    case 'role':
      return role(message);
    case 'sender':
      if (message.sender !== 'user' && message.sender !== 'agent') return undefined;
      if (message.toolCall) return undefined;
      return {
        sender: message.sender,
        text: message.text,
        id: `wamid.HBgM${rng.hex(20).toUpperCase()}`,
      };
  }
}

/**
 * Rows real stores contain that are edge cases or no chat turn at all: null content, markup typed
 * by a candidate, non-Latin text, delivery receipts, a bare string, a JSON null.
 */
export const ODD_MESSAGES: readonly Json[] = [
  { type: 'human', content: null, additional_kwargs: {}, response_metadata: {} },
  {
    type: 'human',
    content: 'Sorry copied from my CV: <b>NVQ Level 3</b> <img src=x onerror=alert(1)>',
  },
  { type: 'human', content: '👍 نعم ok' },
  {
    event: 'message_status',
    status: 'read',
    wa_message_id: 'wamid.HBgMNDQ3NzAwOTAwMTIzFQIAERgSQzE2RDc1',
  },
  {
    interactive: {
      type: 'button_reply',
      button_reply: { id: 'yes_interested', title: 'Yes, interested' },
    },
  },
  'Candidate replied by SMS: yes still interested',
  null,
];

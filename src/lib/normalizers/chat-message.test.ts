import { describe, expect, it } from 'vitest';
import { normalizeMessage } from './chat-message';
import messages from './fixtures/messages.json';

describe('normalizeMessage', () => {
  it.each(messages)('$name', ({ input, expect: expected }) => {
    expect(normalizeMessage(input)).toEqual({
      ...expected,
      raw: input,
      supported: expected.sender !== 'unknown',
    });
  });

  it.each([
    ['role tool', { role: 'tool', content: 'ok' }, 'tool', 'ok'],
    ['role function', { role: 'function', name: 'f', content: '42' }, 'tool', '42'],
    ['role system', { role: 'system', content: 'Be brief.' }, 'system', 'Be brief.'],
    ['sender user', { sender: 'user', text: 'hi' }, 'user', 'hi'],
    ['labels in any case', { type: 'AI', content: 'Hello' }, 'agent', 'Hello'],
    ['text trimmed', { type: 'human', content: '  yes \n' }, 'user', 'yes'],
    ['inner lines kept', { type: 'ai', content: 'a\n\nb' }, 'agent', 'a\n\nb'],
    [
      'LangChain JS serialisation',
      {
        lc: 1,
        type: 'constructor',
        id: ['langchain_core', 'messages', 'AIMessage'],
        kwargs: { content: 'Hi' },
      },
      'agent',
      'Hi',
    ],
    [
      'non-text parts named',
      {
        type: 'human',
        content: [
          { type: 'text', text: 'Here is my card' },
          { type: 'image_url', image_url: { url: 'https://x' } },
          { type: 'tool_use', name: 'lookup' },
          'plain part',
          { type: 'mystery' },
          {},
          null,
        ],
      },
      'user',
      'Here is my card\n[image]\n[tool call: lookup]\nplain part\n[mystery]\n[attachment]',
    ],
    [
      'content one part object',
      { role: 'user', content: { type: 'text', text: 'hey' } },
      'user',
      'hey',
    ],
    ['numeric content', { type: 'human', content: 220 }, 'user', '220'],
    [
      'message object stored as a JSON string',
      '{"type":"human","content":"Monday"}',
      'user',
      'Monday',
    ],
  ])('%s', (_name, input, sender, text) => {
    expect(normalizeMessage(input)).toEqual({ sender, text, raw: input, supported: true });
  });

  it.each([
    ['an unknown type, its text kept', { type: 'note', content: 'x' }, 'x'],
    ['a number', 42, ''],
    ['an array', [{ type: 'human', content: 'hi' }], ''],
    ['an empty object', {}, ''],
    ['undefined', undefined, ''],
    ['a string of JSON that is no message', '{"foo":1}', '{"foo":1}'],
  ])('%s is unsupported, raw kept', (_name, input, text) => {
    expect(normalizeMessage(input)).toEqual({
      sender: 'unknown',
      text,
      raw: input,
      supported: false,
    });
  });
});

import { describe, expect, it } from 'vitest';
import transcripts from './fixtures/transcripts.json';
import { parseTranscript } from './transcript';

describe('parseTranscript', () => {
  it.each(transcripts)('$name', ({ input, expect: turns }) => {
    expect(parseTranscript(input)).toEqual(turns);
  });

  it.each([
    [
      'Assistant/Bot/Candidate/Caller labels, any case and spacing',
      'ASSISTANT: One\nbot : Two\nCandidate:Three\n  caller:   Four  ',
      [
        { speaker: 'agent', text: 'One' },
        { speaker: 'agent', text: 'Two' },
        { speaker: 'user', text: 'Three' },
        { speaker: 'user', text: 'Four' },
      ],
    ],
    [
      'Windows line endings and blank lines',
      'Agent: Hi\r\n\r\nUser: Hello\r\n',
      [
        { speaker: 'agent', text: 'Hi' },
        { speaker: 'user', text: 'Hello' },
      ],
    ],
    [
      'a colon in speech is not a label',
      'Agent: The time is 10:30\nUser: Note: I am busy',
      [
        { speaker: 'agent', text: 'The time is 10:30' },
        { speaker: 'user', text: 'Note: I am busy' },
      ],
    ],
    [
      'text before the first label',
      'Call started\nAgent: Hi',
      [
        { speaker: 'unknown', text: 'Call started' },
        { speaker: 'agent', text: 'Hi' },
      ],
    ],
    [
      'a label alone, its text on the next line',
      'Agent:\nHi there',
      [{ speaker: 'agent', text: 'Hi there' }],
    ],
    [
      'several unlabelled lines are one turn',
      'line one\nline two',
      [{ speaker: 'unknown', text: 'line one\nline two' }],
    ],
    [
      'JSON list of {speaker, text} and Vapi {role, message}',
      '[{"speaker":"Agent","text":"Hello"},{"role":"user","message":"Hi"},{"role":"system","content":"prompt"},{"role":"bot","content":" "},null,"loose"]',
      [
        { speaker: 'agent', text: 'Hello' },
        { speaker: 'user', text: 'Hi' },
        { speaker: 'unknown', text: 'prompt' },
        { speaker: 'unknown', text: 'loose' },
      ],
    ],
    [
      'an already parsed list',
      [{ role: 'assistant', content: 'Hi' }],
      [{ speaker: 'agent', text: 'Hi' }],
    ],
    ['broken JSON is text', '[{"role":', [{ speaker: 'unknown', text: '[{"role":' }]],
    ['null', null, []],
    ['whitespace only', ' \n \n', []],
    ['an object', { transcript: 'Agent: hi' }, []],
  ])('%s', (_name, input, turns) => {
    expect(parseTranscript(input)).toEqual(turns);
  });

  // Guards against quadratic work (string building, regex backtracking), not a benchmark: a
  // linear parse of 1 MB takes milliseconds, a quadratic one minutes.
  it.each([
    [
      '20,000 labelled turns',
      'Agent: Are you free on Monday?\nUser: Yes, after ten.\n'.repeat(20_000),
      40_000,
    ],
    [
      'one turn of 50,000 continuation lines',
      'Agent: start\n' + 'and more words here\n'.repeat(50_000),
      1,
    ],
    ['one 1 MB line', 'a'.repeat(1_000_000), 1],
    ['1 MB of label-like words without colons', 'Agent '.repeat(170_000), 1],
    // No timing asserted (DESIGN §7); a quadratic parse would hit the test timeout.
  ])('parses 1 MB (%s)', (_name, input, count) => {
    expect(parseTranscript(input)).toHaveLength(count);
  });
});

import { describe, expect, it } from 'vitest';
import type { CampaignSession } from '@/data/campaigns/campaign-sessions-query';
import { csvField, csvFileName, sessionsCsv, spreadsheetSafe, toCsv } from './sessions-csv';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['with space', 'with space'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['crlf\r\nend', '"crlf\r\nend"'],
    ["O'Brien", "O'Brien"],
    ['£250/day', '£250/day'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

it('toCsv separates fields with commas and ends every record with CRLF', () => {
  expect(
    toCsv([
      ['a', 'b,c'],
      ['1', ''],
    ]),
  ).toBe('a,"b,c"\r\n1,\r\n');
  expect(toCsv([])).toBe('');
});

describe('spreadsheetSafe', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['\t=1', "'\t=1"],
    ['+44 7853 723604', '+44 7853 723604'],
    ['-12', '-12'],
    ['Jane = Smith', 'Jane = Smith'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(spreadsheetSafe(value)).toBe(expected);
  });
});

it.each([
  ['Plumber - London', 'Plumber - London-sessions.csv'],
  ['A/B: "C"?', 'A_B_ _C__-sessions.csv'],
  ['tab\there', 'tab_here-sessions.csv'],
  ['   ', 'campaign-sessions.csv'],
])('csvFileName(%j) → %j', (campaign, expected) => {
  expect(csvFileName(campaign)).toBe(expected);
});

function session(overrides: Partial<CampaignSession>): CampaignSession {
  return {
    sessionId: 's1',
    phoneNumber: '+447853723604',
    campaign: 'Plumber - London',
    status: 'active',
    messageCount: 3,
    messagesIn: 1,
    messagesOut: 2,
    callCount: 1,
    lastActivity: null,
    lastMessageAt: null,
    lastCallAt: null,
    objectives: [],
    createdAt: null,
    updatedAt: null,
    candidateName: null,
    ...overrides,
  };
}

it('sessionsCsv has the table columns, one row per visible session, escaped', () => {
  const objective = (key: string, label: string, achieved: boolean) => ({
    key,
    label,
    achieved,
    value: null,
    at: null,
    source: null,
  });
  const csv = sessionsCsv([
    session({
      candidateName: 'Smith, "Dave"',
      objectives: [objective('replied', 'Replied', true), objective('nvq', 'NVQ Level 3', false)],
    }),
    session({
      sessionId: 's2',
      phoneNumber: '07700 900123',
      candidateName: 'Line\nBreak',
      status: 'opted_out',
      messageCount: 12,
      callCount: 0,
      objectives: [objective('a', 'A, then B', true), objective('b', 'C', true)],
    }),
    session({ sessionId: 's3', phoneNumber: null, candidateName: '=1+1', status: null }),
  ]);
  expect(csv.split('\r\n')).toEqual([
    'Name,Phone,Status,Messages,Calls,Last activity,Objectives reached',
    '"Smith, ""Dave""",+44 7853 723604,Active,3,1,,Replied',
    '"Line\nBreak",+44 7700 900123,Opted out,12,0,,"A, then B; C"',
    "'=1+1,,No status,3,1,,",
    '',
  ]);
});

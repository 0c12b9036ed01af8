// Demo-like records for unit tests, shaped as the API returns them: Dave Thompson on
// +447853723604 in `Plumber - London` (stack/demo/examples.ts), with a few of his messages and calls.
import type { Candidate, Note } from '@/lib/app-types';
import type { CallInfo, CandidateSummary, ChatMessage, ChatPage } from '@/lib/backend-types';
import { normalizeAnalysis } from '@/lib/normalizers';

export const DAVE_PHONE = '+447853723604';
export const RECRUITER_ID = '00000000-0000-4000-8000-00000000d001';
export const MANAGER_ID = '00000000-0000-4000-8000-00000000d003';
const SESSION = 'plumber_london_447853723604';

/** A message `minutesAgo` before now, so day separators read "Today" and "Yesterday". */
export function message(
  id: number,
  sender: ChatMessage['sender'],
  text: string,
  minutesAgo: number,
  extra: Partial<ChatMessage> = {},
): ChatMessage {
  return {
    id,
    sessionId: SESSION,
    sender,
    text,
    timestamp: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    supported: sender !== 'unknown',
    raw: { type: sender === 'user' ? 'human' : 'ai', content: text },
    ...extra,
  };
}

export const daveMessages = (): ChatMessage[] => [
  message(
    2808,
    'agent',
    "Hi Dave, it's Emma from Northpoint Recruitment. Are you looking at the moment?",
    1500,
  ),
  message(2829, 'user', "Hi Emma, yes I'm still looking for work", 1490),
  message(2830, 'user', 'Finishing a job in Stratford on Friday', 1489),
  message(3035, 'agent', '', 1480, {
    raw: { type: 'ai', content: '', tool_calls: [{ id: 'c1', name: 'book_interview', args: {} }] },
  }),
  message(3036, 'tool', '{"status":"booked","day":"Thursday"}', 1479),
  message(5757, 'user', 'Also, is there any Saturday work going?', 30),
  message(
    5759,
    'agent',
    'Saturdays are optional at time and a half – shall I put your name down?',
    29,
  ),
];

/** A page of a conversation as `getChatPage` returns it (messages oldest first). */
export function chatPage(messages: ChatMessage[], hasOlder = false): ChatPage {
  const oldest = messages[0];
  return {
    messages,
    hasOlder,
    cursor: oldest ? { at: oldest.timestamp || null, id: oldest.id } : null,
  };
}

export function call(overrides: Partial<CallInfo> & Pick<CallInfo, 'call_id'>): CallInfo {
  return {
    sessionId: SESSION,
    phoneNumber: DAVE_PHONE,
    called_at: '2026-11-21T11:25:00+00:00',
    duration: 246,
    durationLabel: '4:06',
    status: 'completed',
    transcript:
      'Agent: Hi, is that Dave?\nUser: Yeah speaking.\nAgent: When could you start?\nUser: Monday.',
    recording_url: 'http://127.0.0.1:54321/storage/v1/object/public/recordings/call-02.wav',
    playableRecordingUrl: 'http://127.0.0.1:54321/storage/v1/object/public/recordings/call-02.wav',
    analysis: normalizeAnalysis({
      summary: 'Dave is interested in the plumber role. Available from Monday.',
      structuredData: { availability: 'Monday', day_rate_expectation: 255 },
      successEvaluation: 'true',
    }),
    ...overrides,
  };
}

export const daveCalls = (): CallInfo[] => [
  call({ call_id: 'CA855' }),
  call({
    call_id: '10c4a9a2',
    called_at: '2026-11-20T10:03:00+00:00',
    duration: null,
    durationLabel: 'N/A',
    status: 'no-answer',
    transcript: null,
    recording_url: null,
    playableRecordingUrl: null,
    analysis: normalizeAnalysis({ summary: 'No answer.', successEvaluation: 'false' }),
  }),
];

export function daveProfile(overrides: Partial<CandidateSummary> = {}): CandidateSummary {
  const campaignObjectives = [
    { key: 'replied', label: 'Replied' },
    { key: 'has_qualification', label: 'NVQ Level 3 Plumbing' },
    { key: 'interview_booked', label: 'Interview booked' },
  ];
  const objectives = [
    { key: 'replied', label: 'Replied', achieved: true, value: null, at: null, source: null },
    {
      key: 'has_qualification',
      label: 'NVQ Level 3 Plumbing',
      achieved: true,
      value: null,
      at: '2026-11-20T12:18:00.000Z',
      source: 'chat',
    },
    {
      key: 'interview_booked',
      label: 'Interview booked',
      achieved: false,
      value: null,
      at: null,
      source: null,
    },
    { key: 'day_rate', label: 'Day rate', achieved: true, value: '255', at: null, source: null },
  ];
  const sessionInfo = {
    sessionId: SESSION,
    phoneNumber: DAVE_PHONE,
    campaign: 'Plumber - London',
    status: 'active',
    objectives,
    createdAt: '2026-11-20T10:02:08+00:00',
    updatedAt: '2026-11-26T10:10:12+00:00',
  };
  return {
    phoneNumber: DAVE_PHONE,
    sessionId: SESSION,
    sessionInfo,
    sessions: [sessionInfo],
    campaignInfo: {
      name: 'Plumber - London',
      description: 'Qualified plumbers (NVQ Level 3) for commercial sites across London.',
      status: 'active',
      objectives: campaignObjectives,
      createdAt: '2026-11-02T10:13:00+00:00',
    },
    messageCount: daveMessages().length,
    lastMessageAt: daveMessages().at(-1)!.timestamp,
    callHistory: daveCalls(),
    objectiveTimeline: [
      {
        sessionId: SESSION,
        key: 'has_qualification',
        label: 'NVQ Level 3 Plumbing',
        value: null,
        at: '2026-11-20T12:18:00.000Z',
        source: 'chat',
      },
    ],
    sessionIds: (overrides.sessions ?? [sessionInfo]).map((s) => s.sessionId),
    ...overrides,
  };
}

export const dave: Candidate = {
  id: 1,
  fullName: 'Dave Thompson',
  phoneNumber: DAVE_PHONE,
  email: 'dave.thompson84@gmail.com',
  campaign: 'Plumber - London',
  job: {
    id: 3,
    title: 'Commercial Plumber – Canary Wharf fit-out',
    trade: 'Plumber',
    location: 'London',
  },
  stage: 'offer',
  createdAt: '2026-11-19T09:00:00+00:00',
  updatedAt: '2026-11-25T09:00:00+00:00',
};

export function note(
  id: number,
  authorId: string,
  authorEmail: string,
  body: string,
  minutesAgo: number,
): Note {
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  return { id, candidateId: dave.id, authorId, authorEmail, body, createdAt: at, updatedAt: at };
}

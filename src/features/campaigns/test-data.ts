// Campaign-shaped records for the campaign screens' tests, as the backend API returns them.
import type { CampaignSession } from '@/data/campaigns/campaign-sessions-query';
import type { BackendCampaignStats, CampaignFunnelStep } from '@/lib/backend-types';

export function campaignStats(overrides: Partial<BackendCampaignStats> = {}): BackendCampaignStats {
  return {
    campaign: 'Plumber - London',
    description: 'Qualified plumbers for commercial sites across London.',
    status: 'active',
    totalSessions: 126,
    activeSessions: 21,
    messagesIn: 732,
    messagesOut: 976,
    totalMessages: 1708,
    totalCalls: 145,
    callsCompleted: 52,
    averageCallDuration: 48.4,
    repliedContacts: 106,
    replyRate: 0.8413,
    objectivesAchieved: 133,
    objectiveBreakdown: [
      { key: 'replied', label: 'Replied', achieved: 106, share: 106 / 126 },
      { key: 'interview_booked', label: 'Interview booked', achieved: 27, share: 27 / 126 },
    ],
    lastActivity: new Date(Date.now() - 5 * 60_000).toISOString(),
    ...overrides,
  };
}

export const FUNNEL: CampaignFunnelStep[] = [
  { step: 'contacts', objectiveKey: null, label: 'Contacts', sessions: 126, share: 1 },
  { step: 'replied', objectiveKey: null, label: 'Replied', sessions: 106, share: 106 / 126 },
  { step: 'called', objectiveKey: null, label: 'Called', sessions: 93, share: 93 / 126 },
  { step: 'objective', objectiveKey: 'replied', label: 'Replied', sessions: 106, share: 106 / 126 },
  {
    step: 'objective',
    objectiveKey: 'interview_booked',
    label: 'Interview booked',
    sessions: 27,
    share: 27 / 126,
  },
];

export function campaignSession(
  sessionId: string,
  overrides: Partial<CampaignSession> = {},
): CampaignSession {
  return {
    sessionId,
    phoneNumber: null,
    campaign: 'Plumber - London',
    status: 'active',
    messageCount: 4,
    messagesIn: 2,
    messagesOut: 2,
    callCount: 0,
    lastActivity: '2026-11-24T14:05:00Z',
    lastMessageAt: null,
    lastCallAt: null,
    objectives: [],
    createdAt: null,
    updatedAt: null,
    candidateName: null,
    ...overrides,
  };
}

import type { CampaignSession } from '@/data/campaigns/campaign-sessions-query';
import type { LiveSession } from '@/data/live/live-sessions-query';
import type { CallInfo, CandidateSummary, ChatMessage } from '@/lib/backend-types';
import type { Model } from './model';
import { CAMPAIGN } from './world';

// The model's predictions, checked against fresh loads: what any load of these queries must
// show for this run's rows, whatever the realtime path does. A fresh load can be wrong in the same
// way as the live screen (both read the same functions); only the model sees that. It knows by
// construction which phone every row belongs to, in whichever form it was stored.

export interface ModelDivergence {
  subject: string;
  details: string[];
  keys: string[];
}

interface Loads {
  /** The open candidate's whole conversation, freshly loaded (every page). */
  conversation: ChatMessage[] | null;
  profile: CandidateSummary | null;
  liveSessions: LiveSession[][];
  campaignSessions: { rows: CampaignSession[] }[];
}

const MAX_DETAILS = 6;

export function checkModel(
  model: Model,
  messageHandle: (id: number) => number | undefined,
  messageId: (handle: number) => number | undefined,
  loads: Loads,
): ModelDivergence[] {
  const { world } = model;
  const out: ModelDivergence[] = [];
  const report = (subject: string, details: string[], keys: string[]) => {
    if (details.length)
      out.push({
        subject,
        details:
          details.length > MAX_DETAILS
            ? [...details.slice(0, MAX_DETAILS), `… and ${details.length - MAX_DETAILS} more`]
            : details,
        keys,
      });
  };
  const open = world.open;
  const linked = new Set(model.linkedSessions(open.index).map((s) => s.id));

  if (loads.conversation) {
    const details: string[] = [];
    const keys: string[] = [];
    const expected = new Map(model.messagesOf(linked).map((m) => [m.handle, m]));
    const shown = new Map<number, ChatMessage>();
    for (const message of loads.conversation) {
      const handle = messageHandle(message.id);
      if (handle === undefined) continue; // not this run's
      shown.set(handle, message);
      const want = expected.get(handle);
      if (!want) {
        details.push(`message m${handle} (id ${message.id}) is shown but is not the candidate's`);
        keys.push(`msg:${handle}`);
      } else if (want.text !== message.text || want.sender !== message.sender) {
        details.push(
          `message m${handle} shows ${message.sender} ${JSON.stringify(message.text.slice(0, 60))}, expected ${want.sender} ${JSON.stringify(want.text.slice(0, 60))}`,
        );
        keys.push(`msg:${handle}`);
      }
    }
    for (const [handle, want] of expected)
      if (!shown.has(handle)) {
        const session = model.sessions.get(want.session)!;
        const how = session.row
          ? `sessions row phone ${JSON.stringify(session.row.phoneForm)}`
          : `numbers ${model
              .numbersOf(session.id)
              .map((n) => JSON.stringify(n.phoneForm))
              .join(', ')}`;
        details.push(
          `message m${handle} (id ${messageId(handle)}) in ${want.session} (${how}) is missing`,
        );
        keys.push(`msg:${handle}`, `session:${want.session}`);
      }
    report(`model: the conversation of ${open.e164}`, details, [...keys, `phone:${open.index}`]);
  }

  if (loads.profile) {
    const profile = loads.profile;
    const details: string[] = [];
    const keys: string[] = [];
    const withRows = [...model.sessions.values()].filter((s) => s.phone === open.index && s.row);
    const shownSessions = new Map(
      profile.sessions
        .filter((s) => s.sessionId.startsWith(world.prefix))
        .map((s) => [s.sessionId, s]),
    );
    for (const session of withRows) {
      const shown = shownSessions.get(session.id);
      if (!shown) {
        details.push(
          `session ${session.id} (phone ${JSON.stringify(session.row!.phoneForm)}) is missing`,
        );
        keys.push(`session:${session.id}`);
      } else if (shown.status !== session.row!.status) {
        details.push(
          `session ${session.id} status ${shown.status}, expected ${session.row!.status}`,
        );
        keys.push(`session:${session.id}`);
      }
    }
    for (const id of shownSessions.keys())
      if (!withRows.some((s) => s.id === id)) {
        details.push(`session ${id} is shown but is not the candidate's`);
        keys.push(`session:${id}`);
      }
    const messages = model.messagesOf(linked).length;
    if (profile.messageCount !== messages)
      details.push(`messageCount ${profile.messageCount}, expected ${messages}`);
    const expectedCalls = new Map(model.callsOf(linked).map((c) => [c.callId, c]));
    const shownCalls = new Map<string, CallInfo>(profile.callHistory.map((c) => [c.call_id, c]));
    for (const [callId, want] of expectedCalls) {
      const shown = shownCalls.get(callId);
      const wrong = !shown
        ? 'is missing'
        : [
            shown.status !== want.status && `status ${shown.status}, expected ${want.status}`,
            shown.duration !== want.duration &&
              `duration ${shown.duration}, expected ${want.duration}`,
            shown.recording_url !== want.recordingUrl &&
              `recording ${shown.recording_url}, expected ${want.recordingUrl}`,
            shown.transcript !== want.transcript &&
              `transcript ${shown.transcript === null ? 'null' : `${shown.transcript.length} chars`}, expected ${want.transcript === null ? 'null' : `${want.transcript.length} chars`}`,
          ]
            .filter(Boolean)
            .join('; ');
      if (wrong) {
        details.push(`call ${callId} ${wrong}`);
        keys.push(`call:${callId}`);
      }
    }
    for (const callId of shownCalls.keys())
      if (callId.startsWith(world.prefix) && !expectedCalls.has(callId)) {
        details.push(`call ${callId} is shown but is not the candidate's`);
        keys.push(`call:${callId}`);
      }
    report(`model: the profile of ${open.e164}`, details, [...keys, `phone:${open.index}`]);
  }

  // Each of this run's sessions on the Live page and the campaign page: the candidate's name
  // wherever the app knows the phone, in whichever form the session stores it, and its counts.
  const checkRows = (
    subject: string,
    rows: (LiveSession | CampaignSession)[],
    campaign: string | null,
  ) => {
    const details: string[] = [];
    const keys: string[] = [];
    for (const row of rows) {
      if (!row.sessionId.startsWith(world.prefix)) continue;
      const session = model.sessions.get(row.sessionId);
      const id = row.sessionId;
      if (!session?.row) {
        details.push(`session ${id} is listed but has no sessions row`);
        keys.push(`session:${id}`);
        continue;
      }
      const phone = world.phones[session.phone]!;
      const ids = new Set([id]);
      const wrong = [
        row.candidateName !== phone.candidateName &&
          `name ${JSON.stringify(row.candidateName)}, expected ${JSON.stringify(phone.candidateName)} (phone stored as ${JSON.stringify(session.row.phoneForm)})`,
        row.status !== session.row.status && `status ${row.status}, expected ${session.row.status}`,
        row.messageCount !== model.messagesOf(ids).length &&
          `${row.messageCount} messages, expected ${model.messagesOf(ids).length}`,
        row.callCount !== model.callsOf(ids).length &&
          `${row.callCount} calls, expected ${model.callsOf(ids).length}`,
        campaign !== null &&
          session.row.campaign !== campaign &&
          `campaign ${session.row.campaign}, expected only ${campaign}'s sessions`,
      ].filter(Boolean);
      if (wrong.length) {
        details.push(`session ${id}: ${wrong.join('; ')}`);
        keys.push(`session:${id}`);
      }
    }
    report(subject, details, keys);
  };
  for (const rows of loads.liveSessions) checkRows('model: the Live page sessions', rows, null);
  for (const page of loads.campaignSessions)
    checkRows(`model: the sessions of ${CAMPAIGN}`, page.rows, CAMPAIGN);
  return out;
}

import { buildCallRow } from './calls';
import type { TradeCampaign } from './campaigns';
import {
  DAY,
  HOUR,
  MINUTE,
  type Achievement,
  type Script,
  type SessionStatus,
} from './conversation';
import { encodeMessage, type MessageFormat } from './message-shapes';
import type { Rng } from './random';
import type { CallRow, ChatHistoryRow, Json, NumberRow, SessionRow } from './types';

// Places one session's script in time (relative to the anchor) and turns it into the rows the
// agent would have written: sessions, numbers, chat_history and calls.

/** Nothing is older than this, so the data looks like "the last three weeks". */
export const MAX_AGE = 21 * DAY;

/** How the agent writes objective values; each session's agent version used one. */
export type ObjectiveStyle = 'boolean' | 'object' | 'mixed';

export interface SessionSpec {
  sessionId: string;
  /** The candidate's number in E.164. */
  phone: string;
  campaign: TradeCampaign;
  /** What the agent wrote in sessions.campaign (general_ sessions often have none). */
  campaignColumn: string | null;
  status: SessionStatus;
  script: Script;
  format: MessageFormat;
  objectiveStyle: ObjectiveStyle;
  /** ms before the anchor when the session's last event ended. */
  lastAgo: number;
  /** Keep the script's times as they are, night or day (the hand-written example). */
  anyHour?: boolean;
  first: string;
  /** sessions.phone_number as stored. */
  sessionPhone: string | null;
  /** One numbers row per entry, each in the form the agent used that time. */
  numberPhones: string[];
  /** calls.phone_number as stored. */
  callPhone: string;
  /** Pins connected calls' recordings to playable files (the guide's example), in call order. */
  recordingFiles?: (string | null)[];
}

export interface EmittedSession {
  session: SessionRow;
  numbers: NumberRow[];
  chat: ChatHistoryRow[];
  calls: CallRow[];
  /** ms before the anchor: when the session was created and last changed. */
  createdAgo: number;
  updatedAgo: number;
}

function objectiveValue(
  style: ObjectiveStyle,
  key: string,
  achievement: Achievement,
  at: string,
): Json {
  const { achieved, source, value } = achievement;
  const object = { achieved, at, source };
  if (style === 'boolean')
    return key.startsWith('day_rate') && value !== undefined ? value : achieved;
  if (style === 'object') return object;
  // Mixed: what an agent that grew over time writes, key by key.
  if (value !== undefined && achieved) return value;
  if (key === 'interested') return achieved ? 'yes' : 'no';
  if (key === 'has_qualification' || key === 'interview_booked') return object;
  return achieved;
}

function objectivesFor(
  spec: SessionSpec,
  rng: Rng,
  isoAt: (at: number) => string,
): { [key: string]: Json } {
  const tracked = new Set(spec.campaign.objectives.map((o) => o.key));
  const objectives: { [key: string]: Json } = {};
  // Some agent versions initialise every objective to false up front.
  if (spec.objectiveStyle === 'boolean' && rng.chance(0.4))
    for (const key of tracked) objectives[key] = false;
  for (const [key, achievement] of spec.script.achievements) {
    if (!tracked.has(key) && spec.objectiveStyle !== 'mixed') continue;
    objectives[key] = objectiveValue(spec.objectiveStyle, key, achievement, isoAt(achievement.at));
  }
  return objectives;
}

// People write between about 07:00 and 23:00 (UTC, which is UK time in winter): script gaps are
// waking time, so a reply "eight hours later" sent at 22:00 arrives the next morning.
const WAKE = 7 * HOUR;
const SLEEP = 23 * HOUR;

/** The last 23:00 at or before t when t falls in the night; undefined in the day. */
function nightStart(t: number): number | undefined {
  const day = Math.floor(t / DAY) * DAY;
  const time = t - day;
  if (time >= SLEEP) return day + SLEEP;
  if (time < WAKE) return day - DAY + SLEEP;
  return undefined;
}

/**
 * The clock time `waking` ms of waking time before `end`. A live session may be in tonight
 * (someone replying at 1 am), so the night `end` falls in counts as awake; earlier nights are skipped.
 */
function rewind(end: number, waking: number): number {
  let t = end;
  let remaining = waking;
  const tonight = nightStart(t);
  if (tonight !== undefined) {
    if (remaining <= t - tonight) return t - remaining;
    remaining -= t - tonight;
    t = tonight;
  }
  for (;;) {
    const day = Math.floor(t / DAY) * DAY;
    const awake = t - (day + WAKE);
    if (remaining <= awake) return t - remaining;
    remaining -= awake;
    t = day - DAY + SLEEP;
  }
}

export function emitSession(
  spec: SessionSpec,
  rng: Rng,
  anchorMs: number,
  recordingBaseUrl: string,
): EmittedSession {
  const { script } = spec;
  const span = Math.max(
    0,
    ...script.events.map((e) => e.at + (e.kind === 'call' ? (e.durationSec ?? 0) * 1000 : 0)),
  );
  // Only a conversation happening right now may end in the small hours; others end the morning
  // after (if that has come) or the evening before.
  let end = anchorMs - spec.lastAgo;
  const night = spec.anyHour || spec.lastAgo < HOUR ? undefined : nightStart(end);
  if (night !== undefined) {
    const morning = night + (DAY - SLEEP + WAKE) + rng.int(0, 150 * MINUTE);
    end = morning < anchorMs - 5 * MINUTE ? morning : night - rng.int(MINUTE, 40 * MINUTE);
  }
  const endAgo = anchorMs - end;
  const back = (waking: number, scale: number) =>
    spec.anyHour ? end - waking * scale : rewind(end, waking * scale);
  // Squeeze long stories into the window rather than let them start before it.
  let scale = 1;
  for (let i = 0; i < 4 && anchorMs - back(span, scale) > MAX_AGE; i++) {
    scale *= (0.97 * (MAX_AGE - endAgo)) / (anchorMs - back(span, scale) - endAgo);
  }
  const iso = (ago: number) => new Date(anchorMs - ago).toISOString();
  const clockAt = (at: number) => Math.round(back(span - at, scale));
  const isoAt = (at: number) => new Date(clockAt(at)).toISOString();

  const createdAgo = anchorMs - clockAt(0) + rng.int(1_000, 90_000);
  const created_at = iso(createdAgo);
  const updated_at = iso(endAgo);

  const chat: ChatHistoryRow[] = [];
  const calls: CallRow[] = [];
  let callIndex = 0;
  for (const event of script.events) {
    if (event.kind === 'message') {
      const message = encodeMessage(rng, spec.format, event);
      if (message !== undefined)
        chat.push({ session_id: spec.sessionId, message, created_at: isoAt(event.at) });
      continue;
    }
    const row = buildCallRow(rng, event, {
      sessionId: spec.sessionId,
      phoneNumber: spec.callPhone,
      calledAt: isoAt(event.at),
      recordingBaseUrl,
      first: spec.first,
      trade: spec.campaign.trade,
    });
    const pinned = spec.recordingFiles?.[callIndex++];
    if (pinned && event.durationSec)
      row.recording_url = `${recordingBaseUrl.replace(/\/+$/, '')}/${pinned}`;
    calls.push(row);
  }

  return {
    session: {
      session_id: spec.sessionId,
      phone_number: spec.sessionPhone,
      campaign: spec.campaignColumn,
      status: spec.status,
      objectives: objectivesFor(spec, rng, isoAt),
      created_at,
      updated_at,
    },
    numbers: spec.numberPhones.map((phone_number, i) => ({
      phone_number,
      session_id: spec.sessionId,
      campaign: spec.campaignColumn,
      // A second row for the same session is the agent re-adding the number later.
      created_at:
        i === 0 ? created_at : iso(Math.round(createdAgo - (i * (createdAgo - endAgo)) / 3)),
    })),
    chat,
    calls,
    createdAgo,
    updatedAgo: endAgo,
  };
}

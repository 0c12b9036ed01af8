import { describe, expect, it } from 'vitest';
import { RECRUITER_ID, daveMessages, daveProfile, note } from '@/test/demo-data';
import { seeded } from '@/test/seeded';
import {
  type TimelineEntry,
  type TimelineKind,
  buildTimeline,
  timeOf,
  timelineView,
} from './timeline-entries';

describe('buildTimeline', () => {
  const profile = daveProfile();
  const entries = buildTimeline({
    messages: daveMessages(),
    calls: profile.callHistory,
    objectives: [
      ...profile.objectiveTimeline,
      { ...profile.objectiveTimeline[0]!, key: 'replied', label: 'Replied', at: null },
    ],
    notes: [note(11, RECRUITER_ID, 'recruiter@demo.local', 'Keen.', 60)],
    attention: [
      {
        id: 7,
        sessionId: profile.sessionIds[0]!,
        action: 'resolved',
        actorEmail: 'ops@demo.local',
        ownerEmail: null,
        note: 'Called him back',
        snoozedUntil: null,
        at: '2026-11-20T12:00:00Z',
      },
    ],
  });

  it('merges every kind, newest first, undated last', () => {
    const times = entries.map((entry) => (entry.at ? Date.parse(entry.at) : null));
    const dated = times.filter((time): time is number => time !== null);
    expect(dated).toEqual([...dated].sort((a, b) => b - a));
    expect(entries.at(-1)).toMatchObject({
      kind: 'objective',
      title: 'Objective achieved: Replied',
    });
    expect(new Set(entries.map((entry) => entry.kind))).toEqual(
      new Set(['message', 'call', 'objective', 'note', 'attention']),
    );
  });

  it('says what each entry is and where it opens', () => {
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    expect(byKey.get('message-5757')).toMatchObject({
      title: 'Candidate wrote',
      detail: 'Also, is there any Saturday work going?',
      target: { tab: 'chat', message: 5757 },
    });
    expect(byKey.get('message-3035')).toMatchObject({ title: 'AI agent used a tool' });
    expect(byKey.get('call-CA855')).toMatchObject({
      title: 'Call: Completed',
      detail: '4:06 · Dave is interested in the plumber role. Available from Monday.',
      target: { tab: 'calls', call: 'CA855' },
    });
    expect(byKey.get('call-10c4a9a2')).toMatchObject({
      title: 'Call: No answer',
      detail: 'No answer.',
    });
    expect(byKey.get('note-11')).toMatchObject({
      title: 'Note by recruiter@demo.local',
      target: { tab: 'notes' },
    });
    expect(byKey.get('attention-7')).toMatchObject({
      title: 'Attention: ops@demo.local resolved it',
      detail: 'Called him back',
      target: { tab: 'info' },
    });
  });
});

describe('timelineView', () => {
  const KINDS: TimelineKind[] = ['message', 'call', 'objective', 'note', 'attention'];

  // Generated timelines (newest first, some undated), hidden kinds, paging and loading states.
  it.each(Array.from({ length: 200 }, (_, seed) => seed))('seed %i', (seed) => {
    const random = seeded(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const entries: TimelineEntry[] = Array.from({ length: Math.floor(random() * 40) }, (_, i) => ({
      key: String(i),
      kind: pick(KINDS),
      at:
        random() < 0.1
          ? null
          : new Date(Date.UTC(2026, 10, 1) + random() * 86_400_000 * 30).toISOString(),
      title: 't',
      detail: null,
      target: { tab: 'info' as const },
    })).sort((a, b) => timeOf(b) - timeOf(a));
    const hidden = new Set(KINDS.filter(() => random() < 0.3));
    const olderHasMore = random() < 0.6;
    const limit = 1 + Math.floor(random() * 30);
    const messageCount = 1000 + Math.floor(random() * 10);

    const view = timelineView({ entries, hidden, messageCount, olderHasMore, limit });

    expect(view.counts.get('message')).toBe(messageCount);
    for (const kind of KINDS.filter((kind) => kind !== 'message'))
      expect(view.counts.get(kind) ?? 0).toBe(entries.filter((e) => e.kind === kind).length);
    const visible = entries.filter((e) => !hidden.has(e.kind));
    expect(view.complete).toBe(!olderHasMore || hidden.has('message'));
    if (view.complete) expect(view.shown).toEqual(visible);
    else {
      // a prefix of the visible entries: none from before the oldest dated message loaded
      const oldest = entries.findLast((e) => e.kind === 'message' && e.at !== null);
      expect(view.shown).toEqual(visible.slice(0, view.shown.length));
      const next = visible[view.shown.length];
      if (next && oldest) expect(timeOf(next)).toBeLessThan(timeOf(oldest));
      if (!oldest) expect(view.shown).toEqual(visible);
    }
    expect(view.wantOlder).toBe(!view.complete && view.shown.length <= limit);
  });
});

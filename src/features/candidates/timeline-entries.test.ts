import { describe, expect, it } from 'vitest';
import { RECRUITER_ID, daveMessages, daveProfile, note } from '@/test/demo-data';
import { buildTimeline } from './timeline-entries';

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
      new Set(['message', 'call', 'objective', 'note']),
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
  });
});

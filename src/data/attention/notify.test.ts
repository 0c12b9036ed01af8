import { describe, expect, it } from 'vitest';
import type { AttentionClaim } from '@/lib/attention-types';
import { seeded } from '@/test/seeded';
import {
  DEFAULT_PREFS,
  type NotifyEntry,
  describeBurst,
  entryKey,
  newAssignments,
  newEntries,
} from './notify';

const ME = 'me';
const CAMPAIGNS = ['Plumber - London', 'Electrician - Leeds', 'Gas Engineer'];
const T0 = Date.parse('2026-12-04T10:00:00Z');

function entry(i: number, latestMs: number, campaign: string | null): NotifyEntry {
  return {
    sessionId: `s${i}`,
    phoneNumber: `+4477009${String(i).padStart(5, '0')}`,
    campaign,
    status: 'escalated',
    latest: new Date(latestMs).toISOString(),
    reasons: [
      {
        reason: 'escalated',
        openedAt: new Date(latestMs).toISOString(),
        since: new Date(latestMs).toISOString(),
        threshold: null,
        callId: null,
        achieved: null,
        objectives: null,
      },
    ],
    candidateName: i % 2 ? `Candidate ${i}` : null,
  };
}

const claim = (sessionId: string, over: Partial<AttentionClaim>): AttentionClaim => ({
  sessionId,
  ownerId: null,
  ownerEmail: null,
  resolvedAt: null,
  resolveNote: null,
  snoozedUntil: null,
  updatedAt: new Date(T0).toISOString(),
  updatedBy: 'someone',
  updatedByEmail: 'ann@example.com',
  ...over,
});

describe('newEntries', () => {
  it('tells exactly the entries opened after `since`, not told before, in my campaigns or mine', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seeded(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
      const since = T0 + Math.floor(random() * 600_000);
      const entries = Array.from({ length: 1 + Math.floor(random() * 30) }, (_, i) =>
        entry(i, T0 + Math.floor(random() * 1_200_000), pick([...CAMPAIGNS, null])),
      );
      const told = new Set(entries.filter(() => random() < 0.3).map(entryKey));
      const claims = new Map(
        entries
          .filter(() => random() < 0.3)
          .map((e) => [e.sessionId, claim(e.sessionId, { ownerId: pick([ME, 'other']) })]),
      );
      const campaigns = CAMPAIGNS.filter(() => random() < 0.4);
      const prefs = { ...DEFAULT_PREFS, campaigns };

      const told2 = newEntries(entries, claims, { since, told, me: ME, prefs });
      const expected = entries.filter(
        (e) =>
          Date.parse(e.latest!) > since &&
          !told.has(entryKey(e)) &&
          (campaigns.length === 0 ||
            campaigns.includes(e.campaign ?? '') ||
            claims.get(e.sessionId)?.ownerId === ME),
      );
      expect({ seed, told: told2.map((e) => e.sessionId) }).toEqual({
        seed,
        told: expected.map((e) => e.sessionId),
      });
    }
  });

  it('a reason reopening later is news again (a new key), once', () => {
    const first = entry(1, T0 + 1000, CAMPAIGNS[0]!);
    const told = new Set([entryKey(first)]);
    const reopened = { ...first, latest: new Date(T0 + 5000).toISOString() };
    const opts = { since: T0, told, me: ME, prefs: DEFAULT_PREFS };
    expect(newEntries([reopened], new Map(), opts)).toEqual([reopened]);
    told.add(entryKey(reopened));
    expect(newEntries([reopened], new Map(), opts)).toEqual([]);
  });
});

describe('newAssignments', () => {
  it('tells a claim a colleague gave me after `since`, not my own or older ones', () => {
    const claims = [
      claim('a', { ownerId: ME, updatedBy: 'ann', updatedAt: new Date(T0 + 10).toISOString() }),
      claim('b', { ownerId: ME, updatedBy: ME, updatedAt: new Date(T0 + 10).toISOString() }),
      claim('c', { ownerId: ME, updatedBy: 'ann', updatedAt: new Date(T0 - 10).toISOString() }),
      claim('d', { ownerId: 'ann', updatedBy: 'bob', updatedAt: new Date(T0 + 10).toISOString() }),
    ];
    const told = new Set<string>();
    expect(newAssignments(claims, { since: T0, told, me: ME }).map((c) => c.sessionId)).toEqual([
      'a',
    ]);
    expect(newAssignments(claims, { since: T0, told, me: undefined })).toEqual([]);
  });
});

describe('describeBurst', () => {
  it('names one entry and its reason; groups any burst into one notification', () => {
    expect(describeBurst([], [], T0)).toBeNull();
    const one = describeBurst([entry(1, T0, 'x')], [], T0)!;
    expect(one.title).toBe('Candidate 1 needs a person');
    expect(one.body).toBe('The agent escalated this conversation to a person');
    expect(one.phone).toBe('+447700900001');
    expect(describeBurst([entry(2, T0, 'x')], [], T0)!.title).toBe(
      '+44 7700 900002 needs a person',
    );

    for (let n = 2; n <= 40; n++) {
      const entries = Array.from({ length: n }, (_, i) => entry(i + 1, T0, 'x'));
      const said = describeBurst(entries, [], T0)!;
      expect(said.title).toBe(`${n} conversations need a person`);
      expect(said.phone).toBeNull();
      const named = said.body.split(' and ')[0]!.split(', ');
      expect(named).toHaveLength(Math.min(n, 3));
      if (n > 3) expect(said.body).toMatch(new RegExp(` and ${n - 3} more$`));
    }
    const mixed = describeBurst([entry(1, T0, 'x')], [claim('z', { ownerId: ME })], T0)!;
    expect(mixed).toMatchObject({
      title: '2 conversations need a person',
      body: 'Candidate 1; 1 assigned to you',
    });
    expect(describeBurst([], [claim('z', { ownerId: ME })], T0)).toMatchObject({
      title: 'An entry was assigned to you',
      body: 'ann@example.com gave it to you.',
    });
  });
});

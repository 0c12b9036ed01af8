import { beforeAll, describe, expect, it } from 'vitest';
import { type AppApi, createAppApi } from '@/lib/app-queries';
import { DEMO_EXAMPLES, DEMO_STAFF } from '../../stack/demo';
import { signedInClient, strangerClient, withDb } from '../support/clients';

let recruiter: AppApi;
let ops: AppApi;

beforeAll(async () => {
  recruiter = createAppApi(await signedInClient(DEMO_STAFF[0]!.email));
  ops = createAppApi(await signedInClient(DEMO_STAFF[1]!.email));
});

const total = async (where = 'true', params: unknown[] = []) =>
  withDb(async (db) =>
    Number(
      (await db.query<{ n: string }>(`select count(*) as n from candidates where ${where}`, params))
        .rows[0]!.n,
    ),
  );

describe('candidates', () => {
  it('pages through every candidate with an exact total', async () => {
    const first = await recruiter.listCandidates({}, { offset: 0, limit: 100 });
    expect(first.total).toBe(await total());
    expect(first.rows).toHaveLength(100);
    const second = await recruiter.listCandidates({}, { offset: 100, limit: 100 });
    expect(second.rows.map((c) => c.id)).not.toContain(first.rows[0]!.id);
  });

  it('a page past the last one is empty and still carries the total (PostgREST answers 416)', async () => {
    const past = await recruiter.listCandidates({}, { offset: 5_000_000, limit: 50 });
    expect(past).toEqual({ rows: [], total: await total() });
    const filtered = await recruiter.listCandidates(
      { campaign: DEMO_EXAMPLES.campaign },
      { offset: 5_000_000, limit: 50 },
    );
    expect(filtered).toEqual({
      rows: [],
      total: await total('campaign = $1', [DEMO_EXAMPLES.campaign]),
    });
  });

  it('finds a candidate by a phone typed in any format, or by name', async () => {
    for (const phone of [
      '07853 723604',
      '+44 7853 723604',
      '447853723604',
      'whatsapp:+447853723604',
    ]) {
      const { rows } = await recruiter.listCandidates({ search: phone });
      expect(rows.map((c) => c.phoneNumber)).toEqual([DEMO_EXAMPLES.phone]);
    }
    const byName = await recruiter.listCandidates({ search: 'thompson' });
    expect(byName.rows.map((c) => c.phoneNumber)).toContain(DEMO_EXAMPLES.phone);
    const partial = await recruiter.listCandidates({ search: '723604' });
    expect(partial.rows.map((c) => c.phoneNumber)).toContain(DEMO_EXAMPLES.phone);
    const odd = await recruiter.listCandidates({ search: 'a,b(c)%' });
    expect(odd.rows).toEqual([]);
  });

  it('filters by campaign and stage', async () => {
    const { rows, total: count } = await recruiter.listCandidates(
      { campaign: DEMO_EXAMPLES.campaign, stage: 'screening' },
      { limit: 1000 },
    );
    expect(count).toBe(
      await total('campaign = $1 and stage = $2', [DEMO_EXAMPLES.campaign, 'screening']),
    );
    expect(
      rows.every((c) => c.campaign === DEMO_EXAMPLES.campaign && c.stage === 'screening'),
    ).toBe(true);
  });

  it('getCandidateByPhone and getCandidateNames', async () => {
    const dave = await recruiter.getCandidateByPhone('07853723604');
    expect(dave?.phoneNumber).toBe(DEMO_EXAMPLES.phone);
    expect(dave?.job?.title).toBeTruthy();
    expect(await recruiter.getCandidateByPhone('+447700000002')).toBeNull();
    const names = await recruiter.getCandidateNames([DEMO_EXAMPLES.phone]);
    expect(names.get(DEMO_EXAMPLES.phone)).toBe(dave!.fullName);
  });

  it('jobs are listed; a stranger sees no candidates or jobs', async () => {
    expect((await recruiter.listJobs()).length).toBeGreaterThan(0);
    const stranger = createAppApi((await strangerClient()).client);
    expect(await stranger.listCandidates()).toEqual({ rows: [], total: 0 });
    expect(await stranger.listJobs()).toEqual([]);
  });
});

describe('notes', () => {
  it('create, edit own, and nobody edits or deletes another author’s note', async () => {
    const dave = (await recruiter.getCandidateByPhone(DEMO_EXAMPLES.phone))!;
    const note = await recruiter.createNote(dave.id, '  Prefers calls after 5pm.  ');
    expect(note).toMatchObject({
      body: 'Prefers calls after 5pm.',
      authorEmail: DEMO_STAFF[0]!.email,
    });
    expect((await ops.listNotes(dave.id))[0]!.id).toBe(note.id);

    await expect(ops.updateNote(note.id, 'hijacked')).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    await expect(ops.deleteNote(note.id)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect((await recruiter.updateNote(note.id, 'Prefers calls after 6pm.')).body).toBe(
      'Prefers calls after 6pm.',
    );
    await expect(recruiter.createNote(dave.id, '   ')).rejects.toMatchObject({
      kind: 'validation',
    });
    await recruiter.deleteNote(note.id);
    expect((await recruiter.listNotes(dave.id)).map((n) => n.id)).not.toContain(note.id);
  });
});

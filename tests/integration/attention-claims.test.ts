import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../stack/demo';
import { createAppApi } from '../../src/lib/app-queries';
import { signedInClient, strangerClient, withDb } from '../support/clients';

// Who has an attention entry (…_app_attention_claims.sql): staff-only under RLS, one owner when
// two assign at once, every change in the audit trail with who did it, a resolve note kept.

const SESSION = 'claims_test_session';
const reset = () =>
  withDb((db) =>
    db.query(
      `delete from public.attention_claims where session_id like 'claims_test_%';
       delete from public.attention_events where session_id like 'claims_test_%';`,
    ),
  );

let ops: ReturnType<typeof createAppApi>;
let manager: ReturnType<typeof createAppApi>;
const [, opsMember, managerMember] = DEMO_STAFF;
const userId = (email: string) =>
  withDb(async (db) => {
    const { rows } = await db.query<{ id: string }>('select id from auth.users where email = $1', [
      email,
    ]);
    return rows[0]!.id;
  });

beforeAll(async () => {
  await reset();
  ops = createAppApi(await signedInClient(opsMember!.email));
  manager = createAppApi(await signedInClient(managerMember!.email));
});
afterAll(reset);

describe('attention claims', () => {
  it('two staff members assigning at once get one owner; the other is told who has it', async () => {
    for (let round = 0; round < 5; round++) {
      const session = `claims_test_race_${round}`;
      const [opsId, managerId] = [
        await userId(opsMember!.email),
        await userId(managerMember!.email),
      ];
      const results = await Promise.all([
        ops.changeAttentionClaim(session, null, { kind: 'assign', ownerId: opsId }),
        manager.changeAttentionClaim(session, null, { kind: 'assign', ownerId: managerId }),
      ]);
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const loser = results.find((r) => !r.ok)!;
      expect(loser.claim?.ownerEmail).toBe(winners[0]!.claim!.ownerEmail);
      const claims = await ops.listAttentionClaims();
      expect(claims.filter((c) => c.sessionId === session)).toHaveLength(1);
    }
  });

  it('a change made on a stale view of the owner is refused, the current owner returned', async () => {
    const opsId = await userId(opsMember!.email);
    const managerId = await userId(managerMember!.email);
    expect(
      (await ops.changeAttentionClaim(SESSION, null, { kind: 'assign', ownerId: opsId })).ok,
    ).toBe(true);
    // the manager still sees nobody on it
    const stale = await manager.changeAttentionClaim(SESSION, null, {
      kind: 'assign',
      ownerId: managerId,
    });
    expect(stale).toMatchObject({ ok: false, claim: { ownerEmail: opsMember!.email } });
    // taking it over knowingly works
    const taken = await manager.changeAttentionClaim(SESSION, opsId, {
      kind: 'assign',
      ownerId: managerId,
    });
    expect(taken).toMatchObject({ ok: true, claim: { ownerEmail: managerMember!.email } });
  });

  it('resolve keeps its note and the server clock; the audit trail says who did what', async () => {
    const managerId = await userId(managerMember!.email);
    const before = Date.now();
    const resolved = await manager.changeAttentionClaim(SESSION, managerId, {
      kind: 'resolve',
      note: '  Called him back, all fine  ',
    });
    expect(resolved).toMatchObject({
      ok: true,
      claim: { resolveNote: 'Called him back, all fine' },
    });
    const at = Date.parse(resolved.claim!.resolvedAt!);
    expect(at).toBeGreaterThanOrEqual(before - 5_000);
    const events = await ops.listAttentionEvents([SESSION]);
    expect(events.map((e) => [e.action, e.actorEmail, e.ownerEmail ?? e.note])).toEqual([
      ['resolved', managerMember!.email, 'Called him back, all fine'],
      ['assigned', managerMember!.email, managerMember!.email],
      ['assigned', opsMember!.email, opsMember!.email],
    ]);
  });

  it('refuses a snooze in the past, an owner who is not staff and a note too long', async () => {
    const managerId = await userId(managerMember!.email);
    await expect(
      manager.changeAttentionClaim(SESSION, managerId, {
        kind: 'snooze',
        until: new Date(Date.now() - 60_000).toISOString(),
      }),
    ).rejects.toThrow(/future/);
    await expect(
      manager.changeAttentionClaim(SESSION, managerId, { kind: 'resolve', note: 'x'.repeat(2001) }),
    ).rejects.toThrow(/at most/);
    const { email } = await strangerClient();
    await expect(
      manager.changeAttentionClaim(SESSION, managerId, {
        kind: 'assign',
        ownerId: await userId(email),
      }),
    ).rejects.toMatchObject({
      kind: 'validation',
      cause: { message: 'Only a staff member can own an attention entry' },
    });
    const snoozed = await manager.changeAttentionClaim(SESSION, managerId, {
      kind: 'snooze',
      until: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(snoozed.ok).toBe(true);
  });

  it('strangers read no claim or audit row and cannot write one', async () => {
    const { client } = await strangerClient();
    const stranger = createAppApi(client);
    expect(await stranger.listAttentionClaims()).toEqual([]);
    expect(await stranger.listAttentionEvents([SESSION])).toEqual([]);
    await expect(
      stranger.changeAttentionClaim('claims_test_stranger', null, { kind: 'unassign' }),
    ).rejects.toMatchObject({ kind: 'unauthorized', cause: { code: '42501' } });
    const audit = await client
      .from('attention_events')
      .insert({ session_id: SESSION, action: 'resolved' });
    expect(audit.error).not.toBeNull();
    const direct = await (
      await signedInClient(opsMember!.email)
    )
      .from('attention_events')
      .insert({ session_id: SESSION, action: 'resolved' });
    expect(direct.error).not.toBeNull();
  });
});

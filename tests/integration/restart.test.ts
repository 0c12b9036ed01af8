import { describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../stack/demo';
import { loadStackConfig } from '../../stack/config';
import { startStack } from '../../stack/start-stack';
import { newClient } from '../support/clients';
import { startTempStack } from '../support/temp-stack';

describe('the local stack keeps its data', () => {
  it('a note added before a restart is there after it, and the restart applies no migration', async () => {
    const temp = await startTempStack();
    const { config } = temp.stack;
    const recruiter = DEMO_STAFF[0]!;
    const clientFor = (url: string) => newClient(config.anonKey, url);
    let restarted: Awaited<ReturnType<typeof startStack>> | undefined;
    try {
      const before = clientFor(temp.stack.apiUrl);
      await before.auth.signInWithPassword({
        email: recruiter.email,
        password: recruiter.password,
      });
      const { data: candidate } = await before.from('candidates').select('id').limit(1).single();
      const body = `Survives a restart ${Date.now()}`;
      expect(
        (await before.from('candidate_notes').insert({ candidate_id: candidate!.id, body })).error,
      ).toBeNull();
      await temp.stack.stop();

      const logs: string[] = [];
      restarted = await startStack(loadStackConfig(process.env, { ...config }), {
        log: (l) => logs.push(l),
      });
      expect(logs.join('\n')).not.toMatch(/Applied|Seeded/);
      const after = clientFor(restarted.apiUrl);
      await after.auth.signInWithPassword({ email: recruiter.email, password: recruiter.password });
      const { data } = await after.from('candidate_notes').select('body').eq('body', body);
      expect(data).toEqual([{ body }]);
    } finally {
      await restarted?.stop();
      await temp.destroy(); // stops again (a no-op) and removes the folder
    }
  });
});

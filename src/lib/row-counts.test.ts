import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it, vi } from 'vitest';
import { countRows } from './row-counts';

type Response = { count: number | null; error: { message: string } | null; status: number };

/** A stand-in for supabase-js: records each query and answers from `respond(table)`. */
function fakeClient(respond: (table: string) => Response) {
  const calls: { table: string; columns: string; options: unknown; signal?: AbortSignal }[] = [];
  const client = {
    from: (table: string) => ({
      select: (columns: string, options: unknown) => {
        const call: (typeof calls)[number] = { table, columns, options };
        calls.push(call);
        const query = {
          abortSignal: vi.fn((signal: AbortSignal) => {
            call.signal = signal;
            return query;
          }),
          then: (resolve: (value: Response) => unknown) => resolve(respond(table)),
        };
        return query;
      },
    }),
  };
  return { client: client as unknown as SupabaseClient, calls };
}

describe('countRows', () => {
  it('asks Postgres for exact counts without downloading rows', async () => {
    const { client, calls } = fakeClient((table) => ({
      count: table.length,
      error: null,
      status: 200,
    }));
    const signal = new AbortController().signal;

    await expect(countRows(client, ['jobs', 'candidates'], signal)).resolves.toEqual({
      jobs: 4,
      candidates: 10,
    });
    expect(calls).toEqual([
      { table: 'jobs', columns: '*', options: { count: 'exact', head: true }, signal },
      { table: 'candidates', columns: '*', options: { count: 'exact', head: true }, signal },
    ]);
  });

  it.each([
    [{ count: null, error: { message: '' }, status: 0 }, 'network'],
    [{ count: null, error: { message: '' }, status: 401 }, 'unauthorized'],
    [{ count: null, error: { message: '' }, status: 500 }, 'server'],
    [{ count: null, error: null, status: 204 }, 'not-found'],
  ] as const)('throws a typed error for %j', async (response, kind) => {
    const { client } = fakeClient(() => response);

    await expect(countRows(client, ['jobs'])).rejects.toMatchObject({ name: 'ApiError', kind });
  });
});

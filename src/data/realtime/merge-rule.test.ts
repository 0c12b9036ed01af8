import { InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { type RowChange, type RowShape, mergeIntoList } from './merge-rule';
import { createRealtimeContext } from './realtime-context';
import { createKeyedThrottle } from './throttle';
import { seeded } from '@/test/seeded';

// A table like the agent's: a key, a short column the cache is judged by, and a large one that an
// UPDATE leaves out when it didn't change it (TOAST, notes/realtime-payloads.md).
interface Row {
  id: number;
  session: string;
  big: string;
}
const shape: RowShape<Row, Row> = {
  key: 'id',
  columns: ['id', 'session', 'big'],
  keyOf: (row) => row.id,
  toRow: (row) => row,
  fromRow: (row) => ({ ...row }),
  compare: (a, b) => a.id - b.id,
};
const mine = (row: Partial<Row>) => row.session === 'mine';

const insert = (row: Row): RowChange<Row> => ({ eventType: 'INSERT', row, old: {} });
const update = (row: Partial<Row>): RowChange<Row> => ({ eventType: 'UPDATE', row, old: {} });
const remove = (id: number): RowChange<Row> => ({ eventType: 'DELETE', row: {}, old: { id } });

const row = (id: number, big = `big ${id}`, session = 'mine'): Row => ({ id, session, big });

describe('mergeIntoList: the merge rule', () => {
  it.each([
    ['INSERT, uncached: added in order', [row(1), row(3)], insert(row(2)), [1, 2, 3], false],
    ['INSERT, cached: replaced', [row(1), row(2)], insert(row(2, 'new')), [1, 2], false],
    ['INSERT of another cache: left out', [row(1)], insert(row(2, 'x', 'other')), [1], false],
    [
      'UPDATE, cached, partial: merged',
      [row(1), row(2)],
      update({ id: 2, session: 'mine' }),
      [1, 2],
      false,
    ],
    ['UPDATE, uncached, whole: added', [row(1)], update(row(2)), [1, 2], false],
    [
      'UPDATE, uncached, partial: read again',
      [row(1)],
      update({ id: 2, session: 'mine' }),
      [1],
      true,
    ],
    [
      'UPDATE, uncached, partial, not ours: nothing',
      [row(1)],
      update({ id: 2, session: 'x' }),
      [1],
      false,
    ],
    [
      'UPDATE moving it away: removed',
      [row(1), row(2)],
      update({ id: 2, session: 'x' }),
      [1],
      false,
    ],
    ['DELETE, cached: removed', [row(1), row(2)], remove(1), [2], false],
    ['DELETE, uncached: nothing', [row(1)], remove(9), [1], false],
  ])('%s', (_, before, change, ids, refetch) => {
    const result = mergeIntoList(before, change, shape, mine);
    expect(result.items.map((r) => r.id)).toEqual(ids);
    expect(result.refetch).toBe(refetch);
  });

  it('keeps a large column that an UPDATE left out, and takes the ones it carries', () => {
    const { items } = mergeIntoList(
      [row(1, 'the transcript')],
      update({ id: 1, session: 'mine' }),
      shape,
      mine,
    );
    expect(items).toEqual([row(1, 'the transcript')]);
    expect(mergeIntoList(items, update({ id: 1, big: 'new' }), shape, mine).items).toEqual([
      row(1, 'new'),
    ]);
  });

  it('gives back the same list when a change alters nothing (no re-render)', () => {
    const before = [row(1), row(2)];
    expect(mergeIntoList(before, insert(row(2)), shape, mine).items).toBe(before);
    expect(mergeIntoList(before, remove(5), shape, mine).items).toBe(before);
  });

  // Any sequence of the agent's writes, delivered as hosted Realtime delivers them, leaves the
  // cache equal to the table (seeded, so a failure replays).
  it.each([1, 2, 3, 4, 5])(
    'ends equal to the table after 300 generated writes (seed %i)',
    (seed) => {
      const random = seeded(seed);
      const table = new Map<number, Row>();
      let cache: readonly Row[] = [];
      for (let step = 0; step < 300; step++) {
        const id = 1 + Math.floor(random() * 12);
        const existing = table.get(id);
        const roll = random();
        let change: RowChange<Row>;
        if (!existing || roll < 0.2) {
          const next = row(id, `big ${step}`, random() < 0.8 ? 'mine' : 'other');
          if (existing) continue; // an insert of a taken key fails in Postgres
          change = insert(next);
          table.set(id, next);
        } else if (roll < 0.4) {
          change = remove(id);
          table.delete(id);
        } else {
          const next = {
            ...existing,
            ...(random() < 0.5 && { big: `big ${step}` }),
            ...(random() < 0.2 && { session: existing.session === 'mine' ? 'other' : 'mine' }),
          };
          // The large column is in the payload only when this update changed it.
          const payload: Partial<Row> = { id, session: next.session };
          if (next.big !== existing.big) payload.big = next.big;
          change = update(payload);
          table.set(id, next);
        }
        const merged = mergeIntoList(cache, change, shape, mine);
        // What the cache can't tell from the event, a refetch brings (as the handlers do).
        cache = merged.refetch
          ? [...table.values()].filter(mine).sort(shape.compare)
          : merged.items;
      }
      expect(cache).toEqual([...table.values()].filter(mine).sort(shape.compare));
    },
  );
});

/** A fetch that the test ends when it wants: it read the table before the event was committed. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('realtime context: an event during a fetch in flight', () => {
  const setup = () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const context = createRealtimeContext(queryClient, createKeyedThrottle(2_000));
    return { queryClient, context };
  };
  const apply = (change: RowChange<Row>) => (rows: readonly Row[]) =>
    mergeIntoList(rows, change, shape, mine).items;

  it.each([
    ['INSERT', insert(row(3)), [1, 2, 3]],
    ['UPDATE', update({ id: 2, big: 'changed' }), [1, 2]],
    ['DELETE', remove(1), [2]],
  ] as const)('%s survives a refetch that read the table before it', async (_, change, ids) => {
    const { queryClient, context } = setup();
    const key = ['rows'];
    let stale = deferred<Row[]>();
    const observer = new QueryObserver<readonly Row[]>(queryClient, {
      queryKey: key,
      queryFn: () => stale.promise,
    });
    const stop = observer.subscribe(() => undefined);
    stale.resolve([row(1), row(2)]);
    await expect.poll(() => observer.getCurrentResult().isSuccess).toBe(true);

    stale = deferred();
    const refetch = observer.refetch();
    context.patch(key, apply(change));
    stale.resolve([row(1), row(2)]); // what the table held when the refetch read it
    await refetch;

    const data = queryClient.getQueryData<Row[]>(key)!;
    expect(data.map((r) => r.id)).toEqual(ids);
    if (change.eventType === 'UPDATE') expect(data[1]!.big).toBe('changed');
    stop();
    context.dispose();
  });

  it('applies an event that came before the first load, once it lands', async () => {
    const { queryClient, context } = setup();
    const first = deferred<Row[]>();
    const observer = new QueryObserver<readonly Row[]>(queryClient, {
      queryKey: ['rows'],
      queryFn: () => first.promise,
    });
    const stop = observer.subscribe(() => undefined);
    context.patch(['rows'], apply(remove(1)));
    first.resolve([row(1), row(2)]);
    await expect
      .poll(() => queryClient.getQueryData<Row[]>(['rows'])?.map((r) => r.id))
      .toEqual([2]);
    stop();
    context.dispose();
  });

  it('survives loading an older page, which writes back the pages it started from', async () => {
    const { queryClient, context } = setup();
    const older = deferred<Row[]>();
    const observer = new InfiniteQueryObserver<Row[], Error, { pages: Row[][] }, string[], number>(
      queryClient,
      {
        queryKey: ['pages'],
        queryFn: ({ pageParam }) => (pageParam === 0 ? Promise.resolve([row(5)]) : older.promise),
        initialPageParam: 0,
        getNextPageParam: (_, pages) => (pages.length < 2 ? pages.length : undefined),
      },
    );
    const stop = observer.subscribe(() => undefined);
    await expect.poll(() => observer.getCurrentResult().isSuccess).toBe(true);
    const next = observer.fetchNextPage();
    context.patch<{ pages: Row[][] }>(['pages'], (data) => ({
      ...data,
      pages: data.pages.with(0, [
        ...mergeIntoList(data.pages[0]!, insert(row(6)), shape, mine).items,
      ]),
    }));
    older.resolve([row(1)]);
    await next;
    expect(queryClient.getQueryData<{ pages: Row[][] }>(['pages'])!.pages).toEqual([
      [row(5), row(6)],
      [row(1)],
    ]);
    stop();
    context.dispose();
  });
});

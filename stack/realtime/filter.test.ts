import { describe, expect, it } from 'vitest';
import { bindingMatches, parseBindingSpecs, resolveBinding, type PublishedTable } from './bindings';
import { FilterError, compareAs, matchesFilter, parseFilter } from './filter';
import type { Change } from './replication';

describe('filters', () => {
  it.each([
    ['session_id=eq.general_447835156367', 'session_id', 'eq', ['general_447835156367']],
    ['id=gt.100', 'id', 'gt', ['100']],
    ['status=neq.', 'status', 'neq', ['']],
    ['campaign=eq.Plumber - London', 'campaign', 'eq', ['Plumber - London']],
    ['campaign=eq."a,b (c)"', 'campaign', 'eq', ['a,b (c)']],
    ['note=eq."say \\"hi\\""', 'note', 'eq', ['say "hi"']],
    ['status=in.(active,waiting)', 'status', 'in', ['active', 'waiting']],
    ['id=in.(1, 2,3)', 'id', 'in', ['1', '2', '3']],
    ['campaign=in.("Plumber - London","a,b")', 'campaign', 'in', ['Plumber - London', 'a,b']],
    ['called_at=gte.2026-11-20T12:00:00+00:00', 'called_at', 'gte', ['2026-11-20T12:00:00+00:00']],
  ])('reads %s', (text, column, op, values) => {
    expect(parseFilter(text)).toEqual({ column, op, values });
  });

  it.each([
    ['no operator', 'id'],
    ['no value separator', 'id=eq'],
    ['an unsupported operator', 'name=like.%bob%'],
    ['a negation', 'status=not.in.(a,b)'],
    ['two conditions', 'id=gt.0,id=lt.100'],
    ['an unquoted comma', 'name=eq.a,b'],
    ['a list without parentheses', 'id=in.1,2'],
    ['an empty list', 'id=in.()'],
    ['an unterminated quote', 'name=eq."abc'],
    ['text after a quoted value', 'name=eq."a"b'],
  ])('refuses %s', (_, text) => {
    expect(() => parseFilter(text)).toThrow(FilterError);
  });

  it('compares by the column type', () => {
    expect(compareAs('int8', '9007199254740993', '9007199254740992')).toBe(1);
    expect(compareAs('int4', '10', '9')).toBe(1); // not as text
    expect(compareAs('numeric', '1.50', '1.5')).toBe(0);
    expect(compareAs('int4', 'abc', '1')).toBeUndefined();
    expect(compareAs('bool', 't', 'true')).toBe(0);
    expect(compareAs('timestamptz', '2026-11-20 13:00:00+01', '2026-11-20T12:00:00Z')).toBe(0);
    expect(compareAs('timestamptz', '2026-11-20 12:00:00.000001+00', '2026-11-20T12:00:00Z')).toBe(
      1,
    );
    expect(compareAs('uuid', 'ABC', 'abc')).toBe(0);
    expect(compareAs('text', 'b', 'a')).toBe(1);
  });

  it('matches as SQL would: NULL and absent columns match nothing', () => {
    const row = { id: '42', status: 'active', note: null };
    const f = (text: string) => parseFilter(text);
    expect(matchesFilter(f('id=eq.42'), row, 'int8')).toBe(true);
    expect(matchesFilter(f('id=neq.42'), row, 'int8')).toBe(false);
    expect(matchesFilter(f('id=lt.100'), row, 'int8')).toBe(true);
    expect(matchesFilter(f('id=lte.42'), row, 'int8')).toBe(true);
    expect(matchesFilter(f('id=gt.42'), row, 'int8')).toBe(false);
    expect(matchesFilter(f('id=gte.42'), row, 'int8')).toBe(true);
    expect(matchesFilter(f('status=in.(waiting,active)'), row, 'text')).toBe(true);
    expect(matchesFilter(f('status=in.(waiting)'), row, 'text')).toBe(false);
    expect(matchesFilter(f('note=neq.x'), row, 'text')).toBe(false);
    expect(matchesFilter(f('session_id=eq.x'), row, 'text')).toBe(false);
  });
});

describe('postgres_changes bindings', () => {
  const published: PublishedTable[] = [
    {
      schema: 'public',
      table: 'chat_history',
      columns: new Map([
        ['id', 'int8'],
        ['session_id', 'text'],
        ['message', 'jsonb'],
        ['created_at', 'timestamptz'],
      ]),
    },
    {
      schema: 'public',
      table: 'sessions',
      columns: new Map([
        ['session_id', 'text'],
        ['status', 'text'],
      ]),
    },
  ];
  const change = (over: Partial<Change>): Change => ({
    schema: 'public',
    table: 'chat_history',
    type: 'INSERT',
    commitTimestamp: '2026-11-20T12:00:00.000Z',
    columns: [...published[0]!.columns].map(([name, type]) => ({ name, type })),
    keyColumns: ['id'],
    record: { id: '7', session_id: 's1', message: '{}', created_at: '2026-11-20 12:00:00+00' },
    old: null,
    ...over,
  });

  it('reads the join payload and keeps what the client sent, for the reply', () => {
    expect(
      parseBindingSpecs([
        { event: '*', schema: 'public', table: 'sessions' },
        { event: 'INSERT', schema: 'public', table: 'chat_history', filter: 'id=eq.1' },
      ]),
    ).toEqual([
      { event: '*', schema: 'public', table: 'sessions' },
      { event: 'INSERT', schema: 'public', table: 'chat_history', filter: 'id=eq.1' },
    ]);
    expect(parseBindingSpecs(undefined)).toEqual([]);
    expect(() => parseBindingSpecs([{ event: 'TRUNCATE', schema: 'public' }])).toThrow();
    expect(() => parseBindingSpecs([{ event: '*' }])).toThrow();
    expect(() => parseBindingSpecs({ event: '*' })).toThrow();
  });

  it('refuses tables outside the publication, unknown columns and unreadable values', () => {
    const resolve = (spec: object) => () =>
      resolveBinding(parseBindingSpecs([spec])[0]!, 1, published);
    expect(resolve({ event: '*', schema: 'public', table: 'staff_members' })).toThrow(
      /Unable to subscribe to changes/,
    );
    expect(
      resolve({ event: '*', schema: 'public', table: 'chat_history', filter: 'nope=eq.1' }),
    ).toThrow(/no column "nope"/);
    expect(
      resolve({ event: '*', schema: 'public', table: 'chat_history', filter: 'id=eq.abc' }),
    ).toThrow(/not a valid int8/);
    expect(resolve({ event: '*', schema: 'public', filter: 'id=eq.1' })).toThrow(/one table/);
    expect(resolve({ event: '*', schema: '*' })).not.toThrow();
  });

  it('matches event, schema, table and filter; a DELETE is filtered on its old key', () => {
    const binding = (spec: object) => resolveBinding(parseBindingSpecs([spec])[0]!, 1, published);
    const all = binding({ event: '*', schema: 'public', table: 'chat_history' });
    const inserts = binding({ event: 'INSERT', schema: 'public', table: 'chat_history' });
    const session = binding({
      event: '*',
      schema: 'public',
      table: 'chat_history',
      filter: 'session_id=eq.s1',
    });
    const byId = binding({
      event: '*',
      schema: 'public',
      table: 'chat_history',
      filter: 'id=in.(7,8)',
    });
    const wholeSchema = binding({ event: 'UPDATE', schema: 'public' });
    const deleted = change({ type: 'DELETE', record: null, old: { id: '7' } });

    expect(bindingMatches(all, change({}))).toBe(true);
    expect(bindingMatches(all, change({ table: 'sessions' }))).toBe(false);
    expect(bindingMatches(inserts, change({ type: 'UPDATE' }))).toBe(false);
    expect(bindingMatches(session, change({}))).toBe(true);
    expect(
      bindingMatches(session, change({ record: { id: '8', session_id: 's2', message: '{}' } })),
    ).toBe(false);
    expect(bindingMatches(session, deleted)).toBe(false); // the old key has no session_id
    expect(bindingMatches(byId, deleted)).toBe(true);
    expect(bindingMatches(wholeSchema, change({ type: 'UPDATE', table: 'sessions' }))).toBe(true);
  });
});

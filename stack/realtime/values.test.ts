// realtime-js's own conversion (internal, so a deep import): the authority on what `new` becomes.
import { convertChangeData } from '@supabase/realtime-js/dist/main/lib/transformers.js';
import { describe, expect, it } from 'vitest';
import { policyExpression, policyRow } from './authorizer';
import type { Change } from './replication';
import { changeData, isoTimestamp, jsonValue, timestampMicros } from './values';

const columns = [
  { name: 'id', type: 'int8' },
  { name: 'session_id', type: 'text' },
  { name: 'message', type: 'jsonb' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'duration', type: 'int4' },
  { name: 'done', type: 'bool' },
];

const insert: Change = {
  schema: 'public',
  table: 'chat_history',
  type: 'INSERT',
  commitTimestamp: '2026-11-20T12:00:00.123Z',
  columns,
  keyColumns: ['id'],
  record: {
    id: '7',
    session_id: 's1',
    message: '{"type": "human", "content": "hi"}',
    created_at: '2026-11-20 12:00:00.5+00',
    duration: null,
    done: 't',
  },
  old: null,
};

describe('change values', () => {
  it('writes timestamps as PostgREST does', () => {
    expect(isoTimestamp('2026-11-20 12:00:00.123456+00')).toBe('2026-11-20T12:00:00.123456+00:00');
    expect(isoTimestamp('2026-11-20 12:00:00+05:30')).toBe('2026-11-20T12:00:00+05:30');
    expect(isoTimestamp('2026-11-20 12:00:00')).toBe('2026-11-20T12:00:00');
    expect(isoTimestamp('infinity')).toBe('infinity');
    expect(timestampMicros('1970-01-01T00:00:01.000002Z')).toBe(1_000_002n);
    expect(timestampMicros('1970-01-01 01:00:00+01')).toBe(0n);
    expect(timestampMicros('yesterday')).toBeUndefined();
  });

  it('keeps big integers and JSON text exact', () => {
    expect(jsonValue('int8', '9007199254740993')).toBe('9007199254740993');
    expect(jsonValue('int8', '42')).toBe(42);
    expect(jsonValue('float8', '1.5')).toBe(1.5);
    expect(jsonValue('jsonb', '"123"')).toBe('"123"');
    expect(jsonValue('text', null)).toBeNull();
    expect(jsonValue('text', undefined)).toBeUndefined();
  });

  it('turns into what PostgREST returns once realtime-js converts it by column type', () => {
    const data = changeData(insert);
    expect(data).toMatchObject({
      schema: 'public',
      table: 'chat_history',
      type: 'INSERT',
      commit_timestamp: '2026-11-20T12:00:00.123Z',
      errors: null,
    });
    expect(data).not.toHaveProperty('old_record');
    const converted = convertChangeData(columns, data.record as never);
    expect(converted).toEqual({
      id: 7,
      session_id: 's1',
      message: { type: 'human', content: 'hi' },
      created_at: '2026-11-20T12:00:00.5+00:00',
      duration: null,
      done: true,
    });
    // A JSON string that looks like a number stays a string; a JSON null stays null.
    const odd = changeData({ ...insert, record: { message: '"123"' } });
    expect(convertChangeData(columns, odd.record as never)).toEqual({ message: '123' });
    const nothing = changeData({ ...insert, record: { message: 'null' } });
    expect(convertChangeData(columns, nothing.record as never)).toEqual({ message: null });
  });

  it('sends a DELETE its old key only, and an UPDATE both rows', () => {
    const deleted = changeData({ ...insert, type: 'DELETE', record: null, old: { id: '7' } });
    expect(deleted).not.toHaveProperty('record');
    expect(deleted.old_record).toEqual({ id: 7 });
    const updated = changeData({ ...insert, type: 'UPDATE', old: { id: '7' } });
    expect(updated.old_record).toEqual({ id: 7 });
    expect(updated.record).toMatchObject({ id: 7 });
  });
});

describe('row-level security for changes', () => {
  const policy = (
    permissive: 'PERMISSIVE' | 'RESTRICTIVE',
    roles: string[],
    qual: string | null,
  ) => ({
    permissive,
    roles,
    qual,
  });

  it('combines policies as Postgres does', () => {
    expect(
      policyExpression(
        [
          policy('PERMISSIVE', ['authenticated'], '( SELECT is_staff() AS is_staff)'),
          policy('PERMISSIVE', ['public'], 'owner = auth.uid()'),
          policy('RESTRICTIVE', ['authenticated'], 'not archived'),
          policy('PERMISSIVE', ['service_role'], 'true'),
        ],
        'authenticated',
      ),
    ).toBe('((( SELECT is_staff() AS is_staff)) or (owner = auth.uid())) and (not archived)');
    expect(policyExpression([policy('RESTRICTIVE', ['public'], 'true')], 'anon')).toBeUndefined();
    expect(policyExpression([policy('PERMISSIVE', ['anon'], null)], 'anon')).toBe('((false))');
  });

  it('judges the row as written: JSON columns as JSON, a DELETE by its old key', () => {
    expect(JSON.parse(policyRow(insert))).toEqual({
      ...insert.record,
      message: { type: 'human', content: 'hi' },
    });
    expect(policyRow({ ...insert, type: 'DELETE', record: null, old: { id: '7' } })).toBe(
      '{"id":"7"}',
    );
  });
});

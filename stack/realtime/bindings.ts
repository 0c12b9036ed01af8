import { FilterError, matchesFilter, parseFilter, readableAs, type Filter } from './filter';
import { isPlainObject } from './protocol';
import type { Change } from './replication';

// A channel's postgres_changes bindings: read from the join payload, checked against what the
// publication streams, and matched against each change.

export const CHANGE_EVENTS = ['INSERT', 'UPDATE', 'DELETE', '*'] as const;
export type ChangeEvent = (typeof CHANGE_EVENTS)[number];

/** As the client sent it: the join reply must echo these values for realtime-js to accept it. */
export interface BindingSpec {
  event: ChangeEvent;
  schema: string;
  table?: string;
  filter?: string;
}

export interface Binding extends BindingSpec {
  /** Chosen by the server; realtime-js fires a callback only when its id is in a change's `ids`. */
  id: number;
  parsedFilter?: Filter;
}

export class BindingError extends Error {}

/** A table in the publication, with its columns' type names (`pg_type.typname`). */
export interface PublishedTable {
  schema: string;
  table: string;
  columns: Map<string, string>;
}

/** Every change is matched against every binding: a bound on what one channel may ask for. */
const MAX_BINDINGS = 100;

export function parseBindingSpecs(value: unknown): BindingSpec[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BindingError('config.postgres_changes must be a list');
  if (value.length > MAX_BINDINGS)
    throw new BindingError(`at most ${MAX_BINDINGS} postgres_changes bindings per channel`);
  return value.map((item): BindingSpec => {
    if (!isPlainObject(item)) throw new BindingError('each postgres_changes entry is an object');
    const { event, schema, table, filter } = item;
    if (!(CHANGE_EVENTS as readonly unknown[]).includes(event))
      throw new BindingError(`event must be one of ${CHANGE_EVENTS.join(', ')}`);
    if (typeof schema !== 'string' || schema === '')
      throw new BindingError('schema must be a string');
    for (const [name, v] of [
      ['table', table],
      ['filter', filter],
    ] as const) {
      if (v !== undefined && v !== null && typeof v !== 'string')
        throw new BindingError(`${name} must be a string`);
    }
    return {
      event: event as ChangeEvent,
      schema,
      ...(typeof table === 'string' ? { table } : {}),
      ...(typeof filter === 'string' ? { filter } : {}),
    };
  });
}

/** Realtime's own wording, so the message reads the same as against a hosted project. */
function notEnabled(spec: BindingSpec, detail?: string): BindingError {
  return new BindingError(
    'Unable to subscribe to changes with given parameters. Please check Realtime is enabled for ' +
      `the given connect parameters: [event: ${spec.event}, schema: ${spec.schema}, table: ` +
      `${spec.table ?? '*'}, filters: [${spec.filter ?? ''}]]${detail ? ` (${detail})` : ''}`,
  );
}

/** Checks one spec against the publication; a filter needs one table that has the column. */
export function resolveBinding(
  spec: BindingSpec,
  id: number,
  published: readonly PublishedTable[],
): Binding {
  const tables = published.filter(
    ({ schema, table }) =>
      (spec.schema === '*' || spec.schema === schema) &&
      (spec.table === undefined || spec.table === '*' || spec.table === table),
  );
  if (tables.length === 0) throw notEnabled(spec);
  if (spec.filter === undefined || spec.filter === '') return { ...spec, id };

  let parsedFilter: Filter;
  try {
    parsedFilter = parseFilter(spec.filter);
  } catch (error) {
    if (error instanceof FilterError) throw notEnabled(spec, error.message);
    throw error;
  }
  if (tables.length !== 1) throw notEnabled(spec, 'a filter needs one table');
  const type = tables[0]!.columns.get(parsedFilter.column);
  if (type === undefined) throw notEnabled(spec, `no column "${parsedFilter.column}"`);
  const bad = parsedFilter.values.find((v) => !readableAs(type, v));
  if (bad !== undefined) throw notEnabled(spec, `"${bad}" is not a valid ${type}`);
  return { ...spec, id, parsedFilter };
}

/** Whether a change is one this binding listens to; filters see the new row, or a DELETE's old one. */
export function bindingMatches(binding: Binding, change: Change): boolean {
  if (binding.event !== '*' && binding.event !== change.type) return false;
  if (binding.schema !== '*' && binding.schema !== change.schema) return false;
  if (binding.table !== undefined && binding.table !== '*' && binding.table !== change.table)
    return false;
  const filter = binding.parsedFilter;
  if (!filter) return true;
  const row = change.type === 'DELETE' ? change.old : change.record;
  const type = change.columns.find((c) => c.name === filter.column)?.type;
  return row !== null && matchesFilter(filter, row, type);
}

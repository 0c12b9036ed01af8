import pg from 'pg';
import type { Change } from './replication';

// Who may see a change: a subscriber receives it only if their JWT may SELECT that row under
// row-level security (DESIGN §6). Checked afresh for every change, in the database, the way
// PostgREST runs a request (role and request.jwt.claims set locally in a read-only transaction
// that is rolled back), so removing a staff member takes effect on the very next change.
//
// The table's SELECT policies are evaluated on the row as the change wrote it, rather than by
// looking the row up again: a row deleted (or changed) a moment later is still judged as it was,
// and a DELETE, whose row is gone, is judged by its old key alone.

export const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface Subscriber {
  /** Identifies a distinct claims set: subscribers with equal claims are checked once. */
  key: string;
  role: ApiRole;
  claims: Record<string, unknown>;
}

/**
 * The subscriber a token stands for, with only the claims the policies read (DESIGN §6): the
 * role, the user (auth.uid()) and the staff claim. The rest of a token (user metadata of any
 * size, e-mail, times) would make every check heavier and every user a claims set of their own.
 */
export function subscriberFor(role: ApiRole, claims: Record<string, unknown>): Subscriber {
  const appMetadata = claims.app_metadata as Record<string, unknown> | undefined;
  const staffRole = appMetadata?.staff_role;
  const policyClaims = {
    role,
    ...(claims.sub !== undefined && { sub: claims.sub }),
    ...(staffRole !== undefined && { app_metadata: { staff_role: staffRole } }),
  };
  return { key: JSON.stringify(policyClaims), role, claims: policyClaims };
}

interface Policy {
  permissive: 'PERMISSIVE' | 'RESTRICTIVE';
  roles: string[];
  qual: string | null;
}

interface RoleAccess {
  role: string;
  can_select: boolean;
  bypass_rls: boolean;
  rls: boolean;
  policies: Policy[];
}

/** Claims sets checked per round trip; each adds three short statements to the batch. */
const BATCH = 200;

const ident = (name: string) => pg.escapeIdentifier(name);
const literal = (value: string) => pg.escapeLiteral(value);

/**
 * The USING expression row-level security applies for a role, as Postgres combines policies: any
 * permissive one, and every restrictive one; no permissive policy means no row. A policy without
 * USING grants nothing here (the safe reading).
 */
export function policyExpression(policies: readonly Policy[], role: string): string | undefined {
  const applies = policies.filter((p) => p.roles.includes('public') || p.roles.includes(role));
  const permissive = applies.filter((p) => p.permissive === 'PERMISSIVE');
  if (permissive.length === 0) return undefined;
  const anyOf = permissive.map((p) => `(${p.qual ?? 'false'})`).join(' or ');
  const allOf = applies
    .filter((p) => p.permissive === 'RESTRICTIVE')
    .map((p) => ` and (${p.qual ?? 'false'})`)
    .join('');
  return `(${anyOf})${allOf}`;
}

/**
 * The row the policies judge, as JSON for jsonb_populate_record: the new row, or a DELETE's old
 * key. Text values convert to any column type; json/jsonb ones must be JSON themselves. Unchanged
 * TOAST values (undefined) are left out and read as NULL.
 */
export function policyRow(change: Change): string {
  const raw = (change.type === 'DELETE' ? change.old : change.record) ?? {};
  const types = new Map(change.columns.map((c) => [c.name, c.type]));
  const row = Object.entries(raw).map(([name, value]) => {
    const json = typeof value === 'string' && /^jsonb?$/.test(types.get(name) ?? '');
    return [name, json ? (JSON.parse(value) as unknown) : value];
  });
  return JSON.stringify(Object.fromEntries(row));
}

export class Authorizer {
  private readonly failures = new Set<string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: (line: string) => void,
  ) {}

  /** The keys of the subscribers allowed to see this change. Any failure denies (and is logged). */
  async allowed(change: Change, subscribers: readonly Subscriber[]): Promise<Set<string>> {
    const allowed = new Set<string>();
    if (subscribers.length === 0) return allowed;
    let client: pg.PoolClient | undefined;
    let failure: Error | undefined;
    try {
      client = await this.pool.connect();
      const table = `${ident(change.schema)}.${ident(change.table)}`;
      const { rows } = await client.query<RoleAccess>(
        `select r.rolname as role, has_table_privilege(r.oid, c.oid, 'SELECT') as can_select,
                r.rolbypassrls or r.rolsuper as bypass_rls, c.relrowsecurity as rls,
                (select coalesce(json_agg(json_build_object(
                          'permissive', p.permissive, 'roles', p.roles, 'qual', p.qual)), '[]')
                   from pg_policies p
                  where p.schemaname = $3 and p.tablename = $4 and p.cmd in ('SELECT', 'ALL')
                ) as policies
           from pg_class c, pg_roles r
          where c.oid = to_regclass($1) and r.rolname = any($2::text[])`,
        [table, [...new Set(subscribers.map((s) => s.role))], change.schema, change.table],
      );
      const access = new Map(rows.map((row) => [row.role, row]));
      const source = `jsonb_populate_record(null::${table}, ${literal(policyRow(change))}::jsonb) as ${ident(change.table)}`;

      const checks: { index: number; expression: string }[] = [];
      subscribers.forEach((subscriber, index) => {
        const role = access.get(subscriber.role);
        if (!role?.can_select) return; // anon has no privilege on the dashboard's tables
        if (!role.rls || role.bypass_rls) return void allowed.add(subscriber.key);
        const expression = policyExpression(role.policies, role.role);
        if (expression) checks.push({ index, expression });
      });

      for (let i = 0; i < checks.length; i += BATCH) {
        const statements = [
          'begin isolation level repeatable read read only',
          "set local statement_timeout = '5s'",
        ];
        for (const { index, expression } of checks.slice(i, i + BATCH)) {
          const subscriber = subscribers[index]!;
          statements.push(
            `set local role ${ident(subscriber.role)}`,
            `select set_config('request.jwt.claims', ${literal(JSON.stringify(subscriber.claims))}, true)`,
            `select ${index} as realtime_subscriber from ${source} where ${expression}`,
          );
        }
        statements.push('rollback');
        try {
          const results = [await client.query(statements.join(';\n'))].flat();
          for (const result of results)
            for (const r of result.rows as { realtime_subscriber?: number }[])
              if (r.realtime_subscriber !== undefined)
                allowed.add(subscribers[r.realtime_subscriber]!.key);
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        }
      }
      return allowed;
    } catch (error) {
      failure = error as Error;
      this.logOnce(change, error);
      return new Set();
    } finally {
      client?.release(failure); // a failed client may be a dead connection: the pool drops it
    }
  }

  /** One line per table and error, not one per change. */
  private logOnce(change: Change, error: unknown) {
    const message = `${change.schema}.${change.table}: ${(error as Error).message}`;
    if (this.failures.has(message)) return;
    this.failures.add(message);
    this.log(`could not check who may see a change in ${message}; delivered to nobody`);
  }
}

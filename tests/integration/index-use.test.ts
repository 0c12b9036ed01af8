import { describe, expect, it } from 'vitest';
import { DEMO_EXAMPLES, DEMO_STAFF } from '../../stack/demo';
import { withDb } from '../support/clients';

// Under row-level security the planner uses an index only for conditions it knows leak nothing;
// a lookup by phone_key(…), a trigram match or `@@` is not one, so as a signed-in user (the way
// the app calls them, unlike the postgres role of most tests) the read models read whole tables:
// seconds at the §7 sizes, invisible on the demo data's few hundred rows. So this checks how each
// read model runs for a staff member: every statement inside (auto_explain shows nested ones)
// reads the big tables through an index, never whole.

const BIG_TABLES = ['sessions', 'numbers', 'chat_history', 'calls', 'search_documents'];

// A lookup condition applied as a filter (to every row the scan reads) instead of in the index.
const LOOKUP_AS_FILTER = /phone_key\(|@@|~~|regexp_replace\(/;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

function wholeTableReads(node: PlanNode, found: string[] = []): string[] {
  const table = node['Relation Name'] ?? '';
  const whole = node['Node Type'] === 'Seq Scan' || LOOKUP_AS_FILTER.test(node.Filter ?? '');
  if (whole && BIG_TABLES.includes(table)) found.push(table);
  for (const child of node.Plans ?? []) wholeTableReads(child, found);
  return found;
}

/** The tables read whole by any statement `sql` runs, as staff through the API would run it. */
async function wholeTablesReadAsStaff(sql: string, params: unknown[]): Promise<string[]> {
  return withDb(async (db) => {
    const plans: PlanNode[] = [];
    db.on('notice', (notice) => {
      const text = notice.message ?? '';
      const start = text.indexOf('{');
      if (text.includes('"Plan"') && start >= 0) plans.push(JSON.parse(text.slice(start)).Plan);
    });
    // Sessions enough that an index beats reading every row (rolled back afterwards).
    await db.query('begin');
    await db.query(
      `insert into sessions (session_id, phone_number, campaign, status)
       select 'index_use_' || i, '+4477009' || lpad(i::text, 5, '0'), 'Index use', 'active'
       from generate_series(1, 20000) i;
       analyze sessions`,
    );
    await db.query("load 'auto_explain'");
    await db.query(
      `set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on;
       set auto_explain.log_format = json; set client_min_messages = log;
       -- the demo tables are small: make the planner choose as it would on big ones
       set enable_seqscan = off;
       set local role authenticated`,
    );
    await db.query("select set_config('request.jwt.claims', $1, false)", [
      JSON.stringify({ sub: DEMO_STAFF[0]!.id, role: 'authenticated' }),
    ]);
    await db.query(sql, params);
    await db.query('rollback');
    expect(plans.length).toBeGreaterThan(0);
    return [...new Set(plans.flatMap((plan) => wholeTableReads(plan)))];
  });
}

describe('read models use their indexes for staff, under row-level security', () => {
  it('the check sees a lookup that cannot use its index under row-level security', async () => {
    // What session_ids_for_phones did before it ran as its owner.
    const leaky =
      'select count(*) from public.sessions s where public.phone_key(s.phone_number) = any ($1)';
    expect(await wholeTablesReadAsStaff(leaky, [[DEMO_EXAMPLES.phone]])).toEqual(['sessions']);
  });

  const phones = [DEMO_EXAMPLES.phone];
  it.each([
    ['candidate_summary', 'select public.candidate_summary($1)', [phones]],
    ['chat_page', 'select * from public.chat_page($1)', [phones]],
    [
      'live_sessions by phones',
      'select * from public.live_sessions(50, null, null, null, $1)',
      [phones],
    ],
    [
      'live_sessions by digits',
      "select * from public.live_sessions(50, null, null, '7853723', null)",
      [],
    ],
    [
      'live_sessions by session id',
      "select * from public.live_sessions(50, null, null, 'plumber_lon', null)",
      [],
    ],
    ['search_conversations', "select * from public.search_conversations('plumbing work')", []],
    ['search_facets', "select public.search_facets('plumbing work')", []],
  ] as const)('%s', async (_name, sql, params) => {
    expect(await wholeTablesReadAsStaff(sql, [...params])).toEqual([]);
  });
});

import type pg from 'pg';
import {
  type TableInfo,
  createBackendPool,
  describeFunctions,
  describeSchema,
  jsonKeyFrequencies,
  redactUrl,
  sampleRows,
} from '../src/lib/backend-db';
import { backendDatabaseUrl, connectionHint, loadEnvFiles } from './script-env';
import { type Column, cellText, count, renderTable } from './terminal-table';

/**
 * `npm run db:explore`: what the backend database holds, as terminal tables: every table of the
 * public schema with its columns, types, row count and indexes, three sample rows, the read-model
 * functions, and which keys the JSON in `message`, `objectives` and `analysis` actually has.
 * Reads BACKEND_DATABASE_URL, else the local stack's database. Changes nothing.
 */

/** The JSONB columns whose shapes vary from agent to agent (DESIGN §4), newest rows first. */
const JSON_COLUMNS = [
  { table: 'chat_history', column: 'message', orderBy: 'created_at' },
  { table: 'sessions', column: 'objectives', orderBy: 'updated_at' },
  { table: 'calls', column: 'analysis', orderBy: 'called_at' },
];
const JSON_SAMPLE = 5000;
const SAMPLE_ROWS = 3;

const right = (header: string): Column => ({ header, align: 'right' });
const rowCount = (t: TableInfo) => `${t.rowCountExact ? '' : '~'}${count(t.rowCount ?? 0)}`;
const heading = (text: string) => `\n${text}\n${'═'.repeat(text.length)}`;

/** Three samples side by side, one line per column, each value cut to fit the terminal. */
function samplesTable(table: TableInfo, rows: Record<string, unknown>[]): string {
  if (!rows.length) return '  (no rows)';
  const nameWidth = Math.max(...table.columns.map((c) => c.name.length));
  const width = process.stdout.columns || 220;
  const cut = Math.max(24, Math.min(60, Math.floor((width - nameWidth - 4) / rows.length) - 2));
  return renderTable(
    ['column', ...rows.map((_, i) => `row ${i + 1}`)],
    table.columns.map((c) => [c.name, ...rows.map((row) => cellText(row[c.name], cut))]),
    '  ',
  );
}

async function printTable(pool: pg.Pool, table: TableInfo): Promise<void> {
  const flags = [
    `${rowCount(table)} rows${table.rowCountExact ? '' : ' (estimate)'}`,
    `row-level security ${table.rowLevelSecurity ? 'on' : 'OFF'}`,
    ...(table.realtime ? ['realtime'] : []),
  ];
  console.log(heading(`${table.name}  (${flags.join(', ')})`));
  console.log(
    renderTable(
      ['column', 'type', 'null', 'default'],
      table.columns.map((c) => [
        c.name,
        c.type,
        c.nullable ? 'yes' : 'no',
        cellText(c.default ?? '', 40),
      ]),
      '  ',
    ),
  );
  console.log();
  console.log(
    table.indexes.length
      ? renderTable(
          ['index', 'definition'],
          table.indexes.map((i) => [
            i.name,
            `${i.primary ? 'primary key ' : i.unique ? 'unique ' : ''}${i.definition.replace(/^.* USING /, '')}`,
          ]),
          '  ',
        )
      : '  (no indexes)',
  );
  console.log();
  console.log(samplesTable(table, await sampleRows(pool, table.name, { limit: SAMPLE_ROWS })));
}

async function printJsonKeys(pool: pg.Pool, tables: TableInfo[]): Promise<void> {
  console.log(heading(`JSONB keys (the latest ${count(JSON_SAMPLE)} rows of each)`));
  for (const { table, column, orderBy } of JSON_COLUMNS) {
    const info = tables.find((t) => t.name === table);
    const name = `${table}.${column}`;
    if (!info || !info.columns.some((c) => c.name === column)) {
      console.log(`\n${name}: no such ${info ? 'column' : 'table'}`);
      continue;
    }
    const ordered = info.columns.some((c) => c.name === orderBy);
    const freq = await jsonKeyFrequencies(
      pool,
      table,
      column,
      JSON_SAMPLE,
      ordered ? { orderBy } : {},
    );
    const others = Object.entries(freq.nonObjects).map(([type, n]) => `${count(n)} ${type}`);
    console.log(
      `\n${name}: ${count(freq.sampled)} non-null values sampled${others.length ? `; not objects: ${others.join(', ')}` : ''}`,
    );
    if (!freq.keys.length) {
      console.log('  (no object keys)');
      continue;
    }
    console.log(
      renderTable(
        ['key', right('rows'), right('share'), 'value types'],
        freq.keys.map((k) => [
          k.key,
          count(k.count),
          `${((100 * k.count) / freq.sampled).toFixed(1)}%`,
          k.types.join(', '),
        ]),
        '  ',
      ),
    );
  }
}

async function main(): Promise<void> {
  // `npm run db:explore | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  loadEnvFiles();
  const { url, local } = backendDatabaseUrl();
  const pool = createBackendPool(url);
  try {
    const tables = await describeSchema(pool);
    console.log(`Database ${redactUrl(url)}${local ? ' (local stack)' : ''}, schema public`);
    console.log(heading('Tables'));
    console.log(
      renderTable(
        [
          'table',
          right('rows'),
          right('columns'),
          right('indexes'),
          'row-level security',
          'realtime',
        ],
        tables.map((t) => [
          t.name,
          rowCount(t),
          t.columns.length,
          t.indexes.length,
          t.rowLevelSecurity ? 'on' : 'OFF',
          t.realtime ? 'yes' : '',
        ]),
      ),
    );
    if (tables.some((t) => !t.rowCountExact))
      console.log(`~ the planner's estimate (tables over 1,000,000 rows are not counted)`);

    for (const table of tables) await printTable(pool, table);

    const functions = await describeFunctions(pool);
    console.log(heading('Functions (read models: called with .rpc(), row-level security applies)'));
    console.log(
      functions.length
        ? renderTable(
            ['function', 'returns', 'security', 'volatility'],
            functions.map((f) => [
              `${f.name}(${f.args})`,
              cellText(f.returns, 50),
              f.securityDefiner ? 'definer' : 'invoker',
              f.volatility,
            ]),
          )
        : '(none)',
    );

    await printJsonKeys(pool, tables);
  } finally {
    await pool.end();
  }
}

main().catch((error: Error) => {
  console.error(`db:explore failed: ${error.message}`);
  const hint = connectionHint(error);
  if (hint) console.error(hint);
  process.exit(1);
});

import fs from 'node:fs/promises';
import { type StackConfig, pgDataDir } from './config';
import { DEMO_STAFF } from './demo';
import { clearLeftovers } from './leftovers';
import { type RunningLayout, layoutConfigs, layoutFromArgs, startLayout } from './local-layout';
import { onShutdownSignal } from './signals';

/**
 * `npm run stack`: the local Supabase-compatible stack in the foreground until Ctrl-C;
 * `--two-projects`: DESIGN §1's two-project layout, an app and a backend stack (both stop on
 * Ctrl-C). `npm run db:reset` (--reset --exit): wipe the data folder(s), migrate and seed, exit.
 */
const argv = process.argv.slice(2);
const args = new Set(argv);
const layout = layoutFromArgs(argv);
const configs = layoutConfigs(layout);

function printBanner(running: RunningLayout) {
  const [first] = running.stacks;
  const lines = [''];
  for (const stack of running.stacks) {
    const title = { single: '', app: 'App project', backend: 'Backend project' }[
      stack.config.project
    ];
    if (title) lines.push(`  ${title}`);
    lines.push(
      `  API URL          ${stack.apiUrl}`,
      `  REST URL         ${stack.apiUrl}/rest/v1`,
      `  Realtime URL     ${stack.apiUrl.replace('http', 'ws')}/realtime/v1/websocket`,
      `  DB URL           ${stack.dbUrl}`,
      `  Data folder      ${stack.config.dataDir}`,
      `  Processes        postgres ${stack.pids.postgres}, postgrest ${stack.pids.postgrest}`,
      '',
    );
  }
  const config = first!.config;
  lines.push(
    `  anon key         ${config.anonKey}`,
    `  service_role key ${config.serviceRoleKey}`,
    `  JWT secret       ${config.jwtSecret}${layout === 'single' ? '' : ' (both projects)'}`,
    `  Demo logins      ${DEMO_STAFF.map((s) => s.email).join(', ')} (password: ${DEMO_STAFF[0]!.password})`,
    '',
  );
  console.log(lines.join('\n'));
}

/** Refuses while a stack runs on a folder; stops what a dead one left, then wipes the folder. */
async function reset(config: StackConfig) {
  // The single stack's folder holds the two-project layout's folders too: check those first.
  const nested = config.project === 'single' ? layoutConfigs('two-projects') : [];
  for (const c of [...nested, config])
    await clearLeftovers(c.dataDir, pgDataDir(c), (line) => console.log(line));
  await fs.rm(config.dataDir, { recursive: true, force: true });
  console.log(`Wiped ${config.dataDir}.`);
}

async function main() {
  if (args.has('--reset')) for (const config of configs) await reset(config);
  const started = Date.now();
  // Listening from the start: a Ctrl-C while starting waits for the start, then stops it all.
  const starting = startLayout(configs, layout, { log: (line) => console.log(line), record: true });
  onShutdownSignal(async (signal) => {
    console.log(`\n${signal}: stopping the stack…`);
    await (await starting.catch(() => undefined))?.stop();
    process.exit(0);
  });
  const running = await starting;
  if (args.has('--exit')) {
    await running.stop();
    console.log('Database rebuilt: migrations applied and demo data seeded.');
    return;
  }
  printBanner(running);
  const what = layout === 'single' ? 'Local stack' : 'Two-project layout (app and backend)';
  console.log(`${what} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (Ctrl-C to stop).`);

  try {
    await running.crashed;
  } catch (error) {
    console.error(`\n${(error as Error).message}. Stopping the rest of the stack.`);
    await running.stop().catch(() => undefined);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(`\nThe local stack could not start: ${(error as Error).message}`);
  process.exit(1);
});

import fs from 'node:fs/promises';
import { loadStackConfig, pgDataDir } from './config';
import { DEMO_STAFF } from './demo';
import { clearLeftovers } from './leftovers';
import { onShutdownSignal } from './signals';
import { type RunningStack, startStack } from './start-stack';

/**
 * `npm run stack`: the local Supabase-compatible stack in the foreground until Ctrl-C.
 * `npm run db:reset` (--reset --exit): wipe the data folder, migrate and seed, then exit.
 */
const args = new Set(process.argv.slice(2));
const config = loadStackConfig();

function printBanner(stack: RunningStack) {
  const lines = [
    '',
    `  API URL          ${stack.apiUrl}`,
    `  REST URL         ${stack.apiUrl}/rest/v1`,
    `  Realtime URL     ${stack.apiUrl.replace('http', 'ws')}/realtime/v1/websocket`,
    `  DB URL           ${stack.dbUrl}`,
    `  anon key         ${config.anonKey}`,
    `  service_role key ${config.serviceRoleKey}`,
    `  JWT secret       ${config.jwtSecret}`,
    `  Data folder      ${config.dataDir}`,
    `  Processes        postgres ${stack.pids.postgres}, postgrest ${stack.pids.postgrest}`,
    `  Demo logins      ${DEMO_STAFF.map((s) => s.email).join(', ')} (password: ${DEMO_STAFF[0]!.password})`,
    '',
  ];
  console.log(lines.join('\n'));
}

async function main() {
  if (args.has('--reset')) {
    // Refuses while a stack runs on the folder; stops what a dead one left before wiping it.
    await clearLeftovers(config.dataDir, pgDataDir(config), (line) => console.log(line));
    await fs.rm(config.dataDir, { recursive: true, force: true });
    console.log(`Wiped ${config.dataDir}.`);
  }
  const started = Date.now();
  // Listening from the start: a Ctrl-C while starting waits for the start, then stops it all.
  const starting = startStack(config, { log: (line) => console.log(line) });
  onShutdownSignal(async (signal) => {
    console.log(`\n${signal}: stopping the stack…`);
    await (await starting.catch(() => undefined))?.stop();
    process.exit(0);
  });
  const stack = await starting;
  if (args.has('--exit')) {
    await stack.stop();
    console.log('Database rebuilt: migrations applied and demo data seeded.');
    return;
  }
  printBanner(stack);
  console.log(
    `Local stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s (Ctrl-C to stop).`,
  );

  try {
    await stack.crashed;
  } catch (error) {
    console.error(`\n${(error as Error).message}. Stopping the rest of the stack.`);
    await stack.stop().catch(() => undefined);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(`\nThe local stack could not start: ${(error as Error).message}`);
  process.exit(1);
});

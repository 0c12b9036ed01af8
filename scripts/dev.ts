import { type ViteDevServer, createServer, loadEnv } from 'vite';
import { apiUrl, loadStackConfig } from '../stack/config';
import { onShutdownSignal } from '../stack/signals';
import { type RunningStack, startStack } from '../stack/start-stack';

/**
 * `npm run dev`: with no Supabase URL configured, starts the local stack (or reuses one already
 * running) and the Vite dev server pointed at it; with a URL configured, only Vite (DESIGN §5).
 */
const env = loadEnv('development', process.cwd(), 'VITE_');
const hosted = env.VITE_SUPABASE_URL || env.VITE_BACKEND_SUPABASE_URL;

async function stackAlreadyRunning(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

async function main() {
  // Listening from the start: a Ctrl-C while things start waits for them, then stops them all,
  // the stack first since its processes are the ones that would outlive us.
  let starting: Promise<RunningStack> | undefined;
  let vite: ViteDevServer | undefined = undefined;
  const shutdown = async (code: number) => {
    const stack = await starting?.catch(() => undefined);
    await stack
      ?.stop()
      .catch((error: Error) => console.error(`Stopping the stack: ${error.message}`));
    await vite?.close().catch(() => undefined);
    process.exit(code);
  };
  onShutdownSignal(() => shutdown(0));

  if (hosted) {
    console.log(`Using the Supabase project at ${hosted} (from your environment).`);
  } else {
    const config = loadStackConfig();
    const url = apiUrl(config);
    if (await stackAlreadyRunning(url)) {
      console.log(`Using the local stack already running at ${url}.`);
    } else {
      console.log('Starting the local stack (Postgres, PostgREST, auth, realtime)…');
      starting = startStack(config, { log: (line) => console.log(line) });
      const stack = await starting;
      console.log(`Local stack ready at ${url} (database ${stack.dbUrl}).`);
      stack.crashed.catch(async (error: Error) => {
        console.error(`\n${error.message}. Stopping.`);
        await shutdown(1);
      });
    }
    // Only public values: the anon key ships in every Supabase bundle anyway.
    process.env.VITE_SUPABASE_URL = url;
    process.env.VITE_SUPABASE_ANON_KEY = config.anonKey;
    process.env.VITE_LOCAL_STACK = 'true';
  }

  vite = await createServer();
  await vite.listen();
  vite.printUrls();
  console.log(hosted ? '' : 'Sign in with a demo account: recruiter@demo.local / demo-password.');
}

main().catch((error: unknown) => {
  console.error(`\nnpm run dev could not start: ${(error as Error).message}`);
  process.exit(1);
});

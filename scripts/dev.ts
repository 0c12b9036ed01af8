import { type ViteDevServer, createServer, loadEnv } from 'vite';
import { apiUrl } from '../stack/config';
import {
  type RunningLayout,
  layoutConfigs,
  layoutFromArgs,
  startLayout,
} from '../stack/local-layout';
import { onShutdownSignal } from '../stack/signals';

/**
 * `npm run dev`: with no Supabase URL configured, starts the local stack (or reuses one already
 * running) and the Vite dev server pointed at it; with a URL configured, only Vite (DESIGN §5).
 * `npm run dev -- --two-projects`: the same on the two-project layout (an app and a backend stack).
 */
const layout = layoutFromArgs(process.argv.slice(2));
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
  let starting: Promise<RunningLayout> | undefined;
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
    const configs = layoutConfigs(layout);
    const urls = configs.map(apiUrl);
    if ((await Promise.all(urls.map(stackAlreadyRunning))).every(Boolean)) {
      console.log(`Using the local ${layout === 'single' ? 'stack' : 'projects'} already running.`);
    } else {
      const what = layout === 'single' ? 'the local stack' : 'the two-project layout';
      console.log(`Starting ${what} (Postgres, PostgREST, auth, realtime)…`);
      starting = startLayout(configs, layout, { log: (line) => console.log(line), record: true });
      const stacks = await starting;
      for (const stack of stacks.stacks)
        console.log(
          `Local ${stack.config.project} stack ready at ${stack.apiUrl} (database ${stack.dbUrl}).`,
        );
      stacks.crashed.catch(async (error: Error) => {
        console.error(`\n${error.message}. Stopping.`);
        await shutdown(1);
      });
    }
    // Only public values: the anon key ships in every Supabase bundle anyway.
    const [app, backend] = urls;
    process.env.VITE_SUPABASE_URL = app;
    process.env.VITE_SUPABASE_ANON_KEY = configs[0]!.anonKey;
    if (backend) process.env.VITE_BACKEND_SUPABASE_URL = backend;
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

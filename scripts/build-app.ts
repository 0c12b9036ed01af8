import { spawn } from 'node:child_process';
import path from 'node:path';
import { preview } from 'vite';
import { REPO_ROOT } from '../stack/config';
import { freePort } from '../stack/net';

export interface BuildTarget {
  /** The stack's API: the build's VITE_SUPABASE_URL. */
  apiUrl: string;
  anonKey: string;
  /** The backend project's API in the two-project layout (DESIGN §1); none in the one-project. */
  backendUrl?: string;
}

/**
 * A production `vite build` into `outDir`, in its own process, pointed at one local stack with
 * its public settings only. Used by the e2e setup, the bundle tests and the bench, so all three
 * measure and test the same build. `extraEnv` is added to the build's environment (the bundle
 * test sets secrets there to show none reaches the output).
 */
export async function buildApp(
  outDir: string,
  { apiUrl, anonKey, backendUrl = '' }: BuildTarget,
  extraEnv: Record<string, string> = {},
): Promise<void> {
  const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...extraEnv,
        // Set (even empty) variables win over .env files, so a developer's .env.local can't leak in.
        VITE_SUPABASE_URL: apiUrl,
        VITE_SUPABASE_ANON_KEY: anonKey,
        VITE_BACKEND_SUPABASE_URL: backendUrl,
        VITE_BACKEND_SUPABASE_ANON_KEY: '',
        VITE_LOCAL_STACK: 'true',
      },
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${stderr}`);
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

/** `vite preview` of a build folder on a free port (the e2e setup and the bench). */
export async function servePreview(distDir: string): Promise<Preview> {
  const server = await preview({
    root: REPO_ROOT,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true },
  });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!url) {
    await server.close();
    throw new Error('vite preview reported no URL');
  }
  return { url, close: () => server.close() };
}

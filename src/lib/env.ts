import { isHttpUrl } from './urls';

export interface AppConfig {
  appUrl: string;
  anonKey: string;
  /** Set only when the backend tables live in a second Supabase project. */
  backend: { url: string; anonKey: string } | null;
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

type EnvSource = Partial<Record<keyof ImportMetaEnv, string>>;

// Each variable by name: Vite replaces these one by one, whereas `import.meta.env` as a whole
// would put every VITE_ variable of the build's environment into the bundle.
const buildEnv = (): EnvSource => ({
  VITE_SUPABASE_URL: import.meta.env.VITE_SUPABASE_URL,
  VITE_SUPABASE_ANON_KEY: import.meta.env.VITE_SUPABASE_ANON_KEY,
  VITE_BACKEND_SUPABASE_URL: import.meta.env.VITE_BACKEND_SUPABASE_URL,
  VITE_BACKEND_SUPABASE_ANON_KEY: import.meta.env.VITE_BACKEND_SUPABASE_ANON_KEY,
  VITE_LOCAL_STACK: import.meta.env.VITE_LOCAL_STACK,
});

function clean(value: string | undefined): string {
  return value?.trim() ?? '';
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function isLocalStack(env: EnvSource = buildEnv()): boolean {
  return env.VITE_LOCAL_STACK === 'true';
}

export function readConfig(env: EnvSource = buildEnv()): ConfigResult {
  const appUrl = withoutTrailingSlash(clean(env.VITE_SUPABASE_URL));
  const anonKey = clean(env.VITE_SUPABASE_ANON_KEY);
  const backendUrl = withoutTrailingSlash(clean(env.VITE_BACKEND_SUPABASE_URL));
  const backendAnonKey = clean(env.VITE_BACKEND_SUPABASE_ANON_KEY) || anonKey;

  const problems: string[] = [];
  if (!appUrl) problems.push('VITE_SUPABASE_URL is not set.');
  else if (!isHttpUrl(appUrl))
    problems.push(`VITE_SUPABASE_URL is not an http(s) URL: "${appUrl}".`);
  if (!anonKey) problems.push('VITE_SUPABASE_ANON_KEY is not set.');
  if (backendUrl && !isHttpUrl(backendUrl)) {
    problems.push(`VITE_BACKEND_SUPABASE_URL is not an http(s) URL: "${backendUrl}".`);
  }
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    config: {
      appUrl,
      anonKey,
      backend:
        backendUrl && backendUrl !== appUrl ? { url: backendUrl, anonKey: backendAnonKey } : null,
    },
  };
}

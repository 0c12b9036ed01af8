import type { Plugin } from 'vite';

/**
 * Refuses a production build whose public key is a secret one (DESIGN §6): VITE_ variables are
 * shipped to every visitor, and a service-role key there hands anyone the whole database. The
 * legacy keys are JWTs whose `role` says which they are; the newer keys say it in their prefix.
 */
export function secretKeyProblems(env: Record<string, string | undefined>): string[] {
  return ['VITE_SUPABASE_ANON_KEY', 'VITE_BACKEND_SUPABASE_ANON_KEY'].flatMap((name) => {
    const key = env[name]?.trim();
    if (!key) return [];
    if (key.startsWith('sb_secret_') || jwtRole(key) === 'service_role')
      return [
        `${name} is a service-role (secret) key. It would ship to every visitor's browser; use ` +
          "the project's anon (publishable) key.",
      ];
    return [];
  });
}

function jwtRole(key: string): unknown {
  try {
    const payload = JSON.parse(Buffer.from(key.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return (payload as { role?: unknown }).role;
  } catch {
    return undefined;
  }
}

export function keyGuardPlugin(): Plugin {
  return {
    name: 'secret-key-guard',
    apply: 'build',
    configResolved(config) {
      // config.env: the VITE_ variables as the build sees them (.env files and the environment).
      const problems = secretKeyProblems(config.env);
      if (problems.length) throw new Error(`Refusing to build: ${problems.join(' ')}`);
    },
  };
}

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../scripts/build-app';
import { contentSecurityPolicy } from '../../scripts/vite-csp-plugin';
import { secretKeyProblems } from '../../scripts/vite-key-guard';
import { stackInfo } from '../support/clients';

// DESIGN §6: the production bundle carries only public settings, and a Content-Security-Policy.
// One real `vite build` against the test stack, with every secret a developer's shell might hold
// set in its environment, to show that none of them reaches the emitted files.

const UNNAMED = 'vite-unnamed-setting-not-for-the-bundle';
let outDir: string;
let files: { name: string; text: string }[];

beforeAll(async () => {
  const { apiUrl, anonKey, dbUrl, serviceRoleKey, jwtSecret } = stackInfo();
  outDir = await mkdtemp(path.join(os.tmpdir(), 'outreach-bundle-'));
  await buildApp(
    outDir,
    { apiUrl, anonKey },
    {
      BACKEND_DATABASE_URL: dbUrl,
      APP_DATABASE_URL: dbUrl,
      SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey,
      SUPABASE_JWT_SECRET: jwtSecret,
      // A VITE_ variable the app never names: Vite would ship it if the app read import.meta.env whole.
      VITE_UNNAMED_SETTING: UNNAMED,
    },
  );
  const names = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)));
  // latin1 keeps every byte, so a secret inside a binary asset is found too.
  files = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(path.join(outDir, name), 'latin1') })),
  );
}, 180_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the production bundle', () => {
  it('holds the public settings (so the scan below reads the real bundle)', () => {
    expect(files.map((f) => f.name)).toContain('index.html');
    expect(files.some((f) => f.name.endsWith('.js'))).toBe(true);
    const all = files.map((f) => f.text).join('\n');
    expect(all).toContain(stackInfo().anonKey);
    expect(all).toContain(stackInfo().apiUrl);
  });

  it('contains neither the service-role key, nor a database URL, nor the JWT secret', () => {
    const { serviceRoleKey, jwtSecret, dbUrl } = stackInfo();
    const forbidden = {
      'service-role key': serviceRoleKey,
      // The key's signature alone would be enough to reassemble it.
      'service-role key signature': serviceRoleKey.split('.')[2]!,
      'JWT secret': jwtSecret,
      'database URL': dbUrl,
      'postgres:// URL': 'postgres://',
      'postgresql:// URL': 'postgresql://',
      'an unnamed VITE_ variable': UNNAMED,
    };
    const found = files.flatMap((file) =>
      Object.entries(forbidden)
        .filter(([, secret]) => file.text.toLowerCase().includes(secret.toLowerCase()))
        .map(([what]) => `${what} in ${file.name}`),
    );
    expect(found).toEqual([]);
  });

  it('index.html carries exactly the Content-Security-Policy for the configured API', () => {
    const html = files.find((f) => f.name === 'index.html')!.text;
    const metas = [
      ...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g),
    ];
    expect(metas).toHaveLength(1);
    const api = stackInfo().apiUrl; // http://127.0.0.1:<port>
    const ws = api.replace(/^http/, 'ws');
    expect(metas[0]![1]).toBe(
      [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-elem 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        `connect-src 'self' ${api} ${ws}`,
        `media-src 'self' https: ${api}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ].join('; '),
    );
    // A meta policy governs only what follows it: it must precede every script and stylesheet.
    const policyAt = metas[0]!.index;
    expect(html.search(/<script|<link rel="(stylesheet|modulepreload)"/)).toBeGreaterThan(policyAt);
    // script-src 'self' holds because the build has no inline script.
    expect([...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)]).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows a hosted project over https and wss, and a second (backend) project too', () => {
    const policy = contentSecurityPolicy([
      'https://abcd.supabase.co/',
      'https://efgh.supabase.co',
      'https://abcd.supabase.co/rest/v1',
    ]);
    expect(policy).toContain(
      "connect-src 'self' https://abcd.supabase.co https://efgh.supabase.co wss://abcd.supabase.co wss://efgh.supabase.co;",
    );
    expect(policy).toContain(
      "media-src 'self' https: https://abcd.supabase.co https://efgh.supabase.co;",
    );
  });

  it('ignores anything that is not an http(s) URL', () => {
    const policy = contentSecurityPolicy([
      'javascript:alert(1)',
      'not a url',
      '',
      "https://x.co' 'unsafe-eval",
    ]);
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toMatch(/javascript|unsafe-eval|not a url/);
  });
});

describe('building with a secret key', () => {
  it('is refused, naming the variable', { timeout: 120_000 }, async () => {
    const { apiUrl, serviceRoleKey } = stackInfo();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'outreach-refused-'));
    try {
      await expect(buildApp(dir, { apiUrl, anonKey: serviceRoleKey })).rejects.toThrow(
        /Refusing to build: VITE_SUPABASE_ANON_KEY is a service-role \(secret\) key/,
      );
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('knows the legacy service-role JWT and the newer secret keys, in either variable', () => {
    const { anonKey, serviceRoleKey } = stackInfo();
    expect(secretKeyProblems({ VITE_SUPABASE_ANON_KEY: anonKey })).toEqual([]);
    expect(secretKeyProblems({ VITE_SUPABASE_ANON_KEY: 'sb_publishable_abc' })).toEqual([]);
    expect(secretKeyProblems({ VITE_BACKEND_SUPABASE_ANON_KEY: serviceRoleKey })).toHaveLength(1);
    expect(secretKeyProblems({ VITE_SUPABASE_ANON_KEY: 'sb_secret_abc' })).toHaveLength(1);
  });
});

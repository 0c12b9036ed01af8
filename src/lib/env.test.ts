import { describe, expect, it } from 'vitest';
import { readConfig } from './env';

const url = 'http://127.0.0.1:54321';
const key = 'anon-key';

describe('readConfig', () => {
  it.each([
    [{}, ['VITE_SUPABASE_URL is not set.', 'VITE_SUPABASE_ANON_KEY is not set.']],
    [{ VITE_SUPABASE_URL: ' ', VITE_SUPABASE_ANON_KEY: key }, ['VITE_SUPABASE_URL is not set.']],
    [
      { VITE_SUPABASE_URL: 'localhost:54321', VITE_SUPABASE_ANON_KEY: key },
      ['VITE_SUPABASE_URL is not an http(s) URL: "localhost:54321".'],
    ],
    [
      { VITE_SUPABASE_URL: url, VITE_SUPABASE_ANON_KEY: key, VITE_BACKEND_SUPABASE_URL: 'nope' },
      ['VITE_BACKEND_SUPABASE_URL is not an http(s) URL: "nope".'],
    ],
  ])('reports what is missing or wrong in %j', (env, problems) => {
    expect(readConfig(env)).toEqual({ ok: false, problems });
  });

  it.each([
    ['no backend URL', undefined],
    ['the app URL', url],
    ['the app URL with a trailing slash', `${url}/`],
  ])('uses one project when the backend URL is %s', (_, backendUrl) => {
    const env = { VITE_SUPABASE_URL: url, VITE_SUPABASE_ANON_KEY: key };
    expect(readConfig({ ...env, VITE_BACKEND_SUPABASE_URL: backendUrl })).toEqual({
      ok: true,
      config: { appUrl: url, anonKey: key, backend: null },
    });
  });

  it('uses a second project with the shared anon key unless given its own', () => {
    const env = {
      VITE_SUPABASE_URL: 'https://app.supabase.co/',
      VITE_SUPABASE_ANON_KEY: key,
      VITE_BACKEND_SUPABASE_URL: 'https://backend.supabase.co',
    };
    expect(readConfig(env)).toMatchObject({
      config: {
        appUrl: 'https://app.supabase.co',
        backend: { url: 'https://backend.supabase.co', anonKey: key },
      },
    });
    expect(readConfig({ ...env, VITE_BACKEND_SUPABASE_ANON_KEY: 'other' })).toMatchObject({
      config: { backend: { anonKey: 'other' } },
    });
  });
});

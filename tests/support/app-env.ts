import { inject } from 'vitest';

// Points the app's own modules (src/lib/supabase.ts reads import.meta.env, which Vitest fills from
// process.env) at the test stack, so screens can be tested on real data.
const stack = inject('stack');
process.env.VITE_SUPABASE_URL = stack.apiUrl;
process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
process.env.VITE_LOCAL_STACK = 'true';

// Screens on real data wait for lazy chunks and real requests, on machines that may be busy.
const { configure } = await import('@testing-library/react');
configure({ asyncUtilTimeout: 15_000 });

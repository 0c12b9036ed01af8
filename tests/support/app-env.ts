import { inject } from 'vitest';

// Points the app's own modules (src/lib/supabase.ts reads import.meta.env, which Vitest fills from
// process.env) at the test stack, so screens can be tested on real data.
const stack = inject('stack');
process.env.VITE_SUPABASE_URL = stack.apiUrl;
process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
process.env.VITE_LOCAL_STACK = 'true';

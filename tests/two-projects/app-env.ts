import { inject } from 'vitest';

// The app's own modules read import.meta.env (filled from process.env): staff sign in to the app
// project, and the backend client goes to the backend project with their token (DESIGN §1).
const { app, backend, anonKey } = inject('twoProjects');
process.env.VITE_SUPABASE_URL = app.apiUrl;
process.env.VITE_BACKEND_SUPABASE_URL = backend.apiUrl;
process.env.VITE_SUPABASE_ANON_KEY = anonKey;
process.env.VITE_LOCAL_STACK = 'true';

const { configure } = await import('@testing-library/react');
configure({ asyncUtilTimeout: 15_000 });

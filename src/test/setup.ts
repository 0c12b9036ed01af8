import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Waits, not timing assertions: lazy screens load slowly on a busy machine (1 s by default).
configure({ asyncUtilTimeout: 5_000 });

// Vitest globals are off, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

// Screens render behind the access gate (app/access-gate.tsx), whose check needs a real project;
// in unit tests the user has access unless a test says otherwise.
vi.mock('@/lib/access-api', () => ({ checkMyAccess: vi.fn(async () => null) }));

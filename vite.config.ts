import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './scripts/vite-csp-plugin';

const src = fileURLToPath(new URL('./src', import.meta.url));

export default defineConfig({
  plugins: [react(), tailwindcss(), cspPlugin()],
  resolve: { alias: { '@': src } },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'stack-unit', environment: 'node', include: ['stack/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          // Screens tested on real data opt into jsdom with a `@vitest-environment jsdom` comment.
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          // One local stack (Postgres + PostgREST + gateway) on free ports for the whole run.
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/support/app-env.ts'],
          // Files share one database and some compare counts with SQL: run them one at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './scripts/vite-csp-plugin';
import { keyGuardPlugin } from './scripts/vite-key-guard';

const src = fileURLToPath(new URL('./src', import.meta.url));
const entry = path.join(src, 'main.tsx');

/**
 * The modules the first screen needs: the entry and the app shell it imports at start-up, with
 * everything they import statically. Rolldown would cut them into a dozen pieces shared with the
 * lazy screens; kept together (libraries in one chunk, our code in another) they compress ~5 kB
 * better (DESIGN §7, initial JavaScript), in fewer requests.
 */
const initial = new Set<string>();
const initialModules: Plugin = {
  name: 'initial-modules',
  apply: 'build',
  buildStart() {
    initial.clear();
  },
  buildEnd() {
    const queue = [entry, path.join(src, 'app', 'app.tsx')];
    for (let id = queue.pop(); id; id = queue.pop()) {
      if (initial.has(id)) continue;
      initial.add(id);
      queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
    }
  },
};
const isLibrary = (id: string) => /[\\/]node_modules[\\/]/.test(id);

export default defineConfig({
  plugins: [react(), tailwindcss(), cspPlugin(), keyGuardPlugin(), initialModules],
  resolve: { alias: { '@': src } },
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: (id) => initial.has(id) && isLibrary(id) },
            { name: 'shell', test: (id) => initial.has(id) && !isLibrary(id) && id !== entry },
          ],
        },
      },
    },
  },
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
          // Lazy screens and chunks load through Vite's transform: slow on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'stack-unit',
          environment: 'node',
          include: ['stack/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
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
      {
        extends: true,
        test: {
          name: 'two-projects',
          environment: 'node',
          // The same app against DESIGN §1's two-project layout: an app and a backend stack.
          include: ['tests/two-projects/**/*.test.{ts,tsx}'],
          globalSetup: ['tests/two-projects/global-setup.ts'],
          setupFiles: ['tests/two-projects/app-env.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries (DESIGN §3). ESLint replaces, not merges, a rule set again for a narrower
// glob, so each area below lists every restriction that applies to it.
const nodeOnly = {
  group: ['@/lib/backend-db', '**/backend-db', '**/stack/**', '**/scripts/**'],
  message:
    'Node-only code (direct Postgres access, the local stack, scripts) never reaches the browser.',
};
const supabaseClients = {
  group: [
    '@supabase/*',
    '@/lib/supabase',
    '**/lib/supabase',
    '@/lib/supabase-auth',
    '**/lib/supabase-auth',
    '@/lib/lean-client',
    '**/lib/lean-client',
  ],
  message: 'Only src/lib talks to Supabase; use a hook from src/data instead.',
};
const otherFeatures = {
  group: ['@/features/**', '**/features/**'],
  message: "Features don't import each other; share through src/lib, src/data or src/components.",
};
const dataLayer = {
  group: ['@/data/**', '**/data/**'],
  message: 'UI primitives hold no business logic: pass data in through props.',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig([
  globalIgnores([
    'dist',
    'build',
    'coverage',
    'node_modules',
    '.stack',
    'test-results',
    'playwright-report',
  ]),
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    rules: restrict(nodeOnly, supabaseClients),
  },
  { files: ['src/lib/**'], rules: restrict(nodeOnly) },
  { files: ['src/features/**'], rules: restrict(nodeOnly, supabaseClients, otherFeatures) },
  {
    files: ['src/components/**'],
    rules: restrict(nodeOnly, supabaseClients, otherFeatures, dataLayer),
  },
  {
    files: ['stack/**', 'scripts/**', 'tests/**', '*.config.*', 'src/lib/backend-db.ts'],
    languageOptions: { globals: globals.node },
  },
]);

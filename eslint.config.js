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
// Caught by path, not by name: `../calls/x` from a feature is another feature however it is spelt.
const outsideFeature = {
  group: ['../*'],
  message: "A feature reaches only its own files relatively ('./x'); anything else through '@/'.",
};
const dataLayer = {
  group: ['@/data/**', '**/data/**'],
  message: 'UI primitives hold no business logic: pass data in through props.',
};
const layers = (...dirs) => dirs.flatMap((dir) => [`@/${dir}/**`, `**/${dir}/**`]);
const aboveLib = {
  group: layers('app', 'components', 'data', 'features'),
  message: 'src/lib is the bottom layer: it imports nothing from src/data, the UI or the app.',
};
const uiLayers = {
  group: layers('app', 'components', 'features'),
  message: 'src/data serves the UI and imports none of it: pass what it needs in as arguments.',
};
const dataApis = {
  group: ['backend-api', 'app-api', 'auth-api'].flatMap((api) => [`@/lib/${api}`, `**/lib/${api}`]),
  message: 'Only src/data calls the APIs: use (or add) a hook in src/data.',
};

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/**
 * One layer's restrictions for its code, and the same without `dataApis` for its tests, which
 * mock the APIs (vi.mock) and import them to script the mocks.
 */
const layer = (dir, ...patterns) => [
  { files: [`${dir}/**`], rules: restrict(...patterns) },
  {
    files: [`${dir}/**/*.test.{ts,tsx}`],
    rules: restrict(...patterns.filter((pattern) => pattern !== dataApis)),
  },
];

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
  },
  ...layer('src', nodeOnly, supabaseClients, dataApis),
  { files: ['src/lib/**'], rules: restrict(nodeOnly, aboveLib) },
  ...layer('src/data', nodeOnly, supabaseClients, uiLayers),
  ...layer('src/features', nodeOnly, supabaseClients, otherFeatures, outsideFeature, dataApis),
  ...layer('src/components', nodeOnly, supabaseClients, otherFeatures, dataLayer, dataApis),
  {
    files: ['stack/**', 'scripts/**', 'tests/**', '*.config.*', 'src/lib/backend-db.ts'],
    languageOptions: { globals: globals.node },
  },
]);

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../stack/config';

// Scripts run under tsx, which resolves the root tsconfig.json: it has no `@/` alias (that belongs
// to the app's and the tests' configs, which Vite and Vitest resolve). A script that reaches, through
// any chain of relative imports, a module importing `@/…` fails at its start, as `npm run bench`
// once did. Vitest resolves the alias itself, so no other test notices: walk the imports here.

// `import type …` is erased before it runs, so only value imports and exports count.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
    (candidate) => existsSync(candidate) && candidate.match(/\.tsx?$/),
  );
}

/** Each `@/` import reachable from `entry` by relative imports, as "file → specifier". */
function aliasImportsReachableFrom(entry: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith('@/'))
        found.push(`${path.relative(REPO_ROOT, file)} → ${specifier}`);
      else if (specifier.startsWith('.')) {
        const next = resolveRelative(file, specifier);
        if (next) visit(next);
      }
    }
  };
  visit(entry);
  return found;
}

const scriptsDir = path.join(REPO_ROOT, 'scripts');
const scripts = readdirSync(scriptsDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => path.join(scriptsDir, name));

it('finds the scripts, and a module with an alias import when there is one', () => {
  expect(scripts.length).toBeGreaterThan(10);
  // The check itself: the app's chat query module does import through the alias.
  const appModule = path.join(REPO_ROOT, 'src/data/chat/chat-pages-query.ts');
  expect(aliasImportsReachableFrom(appModule).length).toBeGreaterThan(0);
});

it.each(scripts.map((file) => [path.relative(REPO_ROOT, file), file]))(
  '%s reaches no `@/` import (tsx could not resolve it)',
  (_name, file) => {
    expect(aliasImportsReachableFrom(file)).toEqual([]);
  },
);

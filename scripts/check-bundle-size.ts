import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../stack/config';
import { renderTable } from './terminal-table';

/**
 * `npm run size` (after `npm run build`): the initial JavaScript of the production build,
 * gzip-compressed, against the budget of DESIGN §7. Prints what costs what; exits 1 over budget.
 *
 * Initial means fetched before the first screen renders: the entry script of dist/index.html,
 * its modulepreloads, the chunks the entry imports dynamically at start-up (main.tsx awaits the
 * app shell), and every chunk those import statically. Lazy routes and dialogs are not initial.
 */
export const INITIAL_JS_BUDGET_KB = 140;

export interface InitialJsFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface InitialJs {
  files: InitialJsFile[];
  gzipBytes: number;
  bytes: number;
}

/** The scripts a browser fetches before the app can render: entry and modulepreloads. */
export async function measureInitialJs(distDir = path.join(REPO_ROOT, 'dist')): Promise<InitialJs> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No ${path.join(distDir, 'index.html')}: run \`npm run build\` first.`);
  });
  const srcs = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = /^<script\b/.test(tag) && /\btype=["']module["']/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel=["']modulepreload["']/.test(tag);
    const ref = /\b(?:src|href)=["']([^"']+)["']/.exec(tag)?.[1];
    if ((isEntry || isPreload) && ref && !/^(https?:)?\/\//.test(ref)) srcs.add(ref);
  }
  if (!srcs.size) throw new Error('dist/index.html names no entry script');
  const entry = [...srcs][0]!;
  const read = (src: string) => readFile(path.join(distDir, src.replace(/^\//, '')));
  const files: InitialJsFile[] = [];
  const queue = [...srcs];
  for (let src = queue.shift(); src; src = queue.shift()) {
    const content = await read(src);
    files.push({
      file: src,
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
    });
    const code = content.toString('utf8');
    const refs = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`](\.\.?\/[^"'`]+\.js)["'`]/g)].map(
      (m) => m[1]!,
    );
    if (src === entry)
      refs.push(
        ...[...code.matchAll(/\bimport\(\s*["'`](\.\.?\/[^"'`]+\.js)["'`]\s*\)/g)].map(
          (m) => m[1]!,
        ),
      );
    for (const ref of refs) {
      const next = path.posix.join(path.posix.dirname(src), ref);
      if (!srcs.has(next)) {
        srcs.add(next);
        queue.push(next);
      }
    }
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main() {
  const distDir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'dist'));
  const initial = await measureInitialJs(distDir);
  const rows = initial.files.map((f) => [f.file, kb(f.bytes), kb(f.gzipBytes)]);
  rows.push(['total initial JS', kb(initial.bytes), kb(initial.gzipBytes)]);
  console.log(
    renderTable(
      ['file', { header: 'raw', align: 'right' }, { header: 'gzip', align: 'right' }],
      rows,
    ),
  );
  const over = initial.gzipBytes / 1024 > INITIAL_JS_BUDGET_KB;
  console.log(
    `\nInitial JS ${kb(initial.gzipBytes)} gzip, budget ${INITIAL_JS_BUDGET_KB} kB: ${over ? 'OVER' : 'ok'}`,
  );
  if (over) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });

import { expect, it, vi } from 'vitest';

// ./fixtures holds byte-for-byte copies of the shared fixtures (DESIGN §4), so the unit tests need
// nothing outside the repo; Prettier leaves them alone (.prettierignore). Where the originals are
// at hand (a working checkout beside ../shared, not CI's clean clone), the copies must match them.

// src is typed for browsers (no Node types), so the few fs calls used here are typed by hand.
const fs = await vi.importActual<{
  existsSync(path: string): boolean;
  readdirSync(path: string): string[];
  readFileSync(path: string): { equals(other: unknown): boolean };
}>('node:fs');
const pathOf = (relative: string) =>
  decodeURIComponent(new URL(relative, import.meta.url).pathname);
const COPIES = pathOf('./fixtures/');
const ORIGINALS = pathOf('../../../../shared/fixtures/'); // ../shared beside the repo's root
const noOriginals = !fs.existsSync(ORIGINALS);
const SKIPPED = noOriginals ? ' (skipped: no ../shared/fixtures beside this checkout)' : '';

it.skipIf(noOriginals)(`holds a copy of every shared fixture and nothing else${SKIPPED}`, () => {
  expect(fs.readdirSync(COPIES).sort()).toEqual(fs.readdirSync(ORIGINALS).sort());
});

it.skipIf(noOriginals)(`keeps each copy byte-identical to its original${SKIPPED}`, () => {
  for (const name of fs.readdirSync(ORIGINALS)) {
    const same = fs.readFileSync(COPIES + name).equals(fs.readFileSync(ORIGINALS + name));
    expect(same, `fixtures/${name} differs: copy ../shared/fixtures/${name} over it`).toBe(true);
  }
});

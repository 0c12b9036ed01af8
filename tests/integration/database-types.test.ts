import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { DATABASE_TYPES_FILE, generateDatabaseTypes } from '../../stack/typegen';
import { stackInfo } from '../support/clients';

it('src/lib/database.types.ts matches a fresh generation from the migrated schema (run `npm run db:types`)', async () => {
  const fresh = await generateDatabaseTypes(stackInfo().dbUrl);
  expect(fresh).toContain('export type Database');
  expect(await readFile(DATABASE_TYPES_FILE, 'utf8')).toBe(fresh);
});

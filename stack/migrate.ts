import fs from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { REPO_ROOT } from './config';

/**
 * Migrations run in order: first what only the local stack needs (stack/sql: roles, auth schema),
 * then the project's own supabase/migrations, each once. Applied ones are recorded where the
 * Supabase CLI records them, so `supabase migration list --db-url …` agrees with this stack.
 */
export const MIGRATION_DIRS = [
  path.join(REPO_ROOT, 'stack/sql'),
  path.join(REPO_ROOT, 'supabase/migrations'),
];

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
}

/**
 * Which project a migration belongs to, from its name (DESIGN §1): `backend_…` to the backend,
 * `app_…` to the app, `common_…` to both, `local_…` (stack/sql) only to the local stack.
 * One project gets them all.
 */
export type MigrationPart = 'local' | 'common' | 'backend' | 'app';
export function migrationPart(m: MigrationFile): MigrationPart {
  const part = /^(local|common|backend|app)_/.exec(m.name)?.[1];
  if (!part)
    throw new Error(
      `Migration ${m.file} must be named <timestamp>_<local|common|backend|app>_<name>.sql`,
    );
  return part as MigrationPart;
}
export const belongsToProject = (m: MigrationFile, project: 'app' | 'backend') =>
  [project, 'common'].includes(migrationPart(m));

/** What a local stack applies: the local platform, and then all or one project's migrations. */
export const migrationsForStack = (project: 'single' | 'app' | 'backend') => (m: MigrationFile) =>
  migrationPart(m) === 'local' || project === 'single' || belongsToProject(m, project);

export async function listMigrations(dirs = MIGRATION_DIRS): Promise<MigrationFile[]> {
  const files: MigrationFile[] = [];
  for (const dir of dirs) {
    for (const entry of (await fs.readdir(dir)).sort()) {
      const match = /^(\d{14})_(.+)\.sql$/.exec(entry);
      if (!match) continue;
      files.push({ version: match[1]!, name: match[2]!, file: path.join(dir, entry) });
    }
  }
  return files;
}

/** Applies every migration not yet recorded, each in its own transaction. Returns the versions applied. */
export async function migrate(
  client: pg.ClientBase,
  include: (m: MigrationFile) => boolean = () => true,
): Promise<string[]> {
  await client.query(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key, statements text[], name text
    )`);
  const { rows } = await client.query<{ version: string }>(
    'select version from supabase_migrations.schema_migrations',
  );
  const done = new Set(rows.map((r) => r.version));
  const applied: string[] = [];
  for (const m of await listMigrations()) {
    if (done.has(m.version) || !include(m)) continue;
    const sql = await fs.readFile(m.file, 'utf8');
    try {
      await client.query('begin');
      await client.query(sql);
      await client.query(
        'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
        [m.version, m.name, [sql]],
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw new Error(
        `Migration ${path.relative(REPO_ROOT, m.file)} failed: ${(error as Error).message}`,
      );
    }
    applied.push(m.version);
  }
  return applied;
}

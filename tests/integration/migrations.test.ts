import { describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../stack/migrate';
import { stackInfo, withDb } from '../support/clients';

describe('migrations', () => {
  it('the running stack recorded every migration, and a second run applies nothing', async () => {
    await withDb(async (db) => {
      const { rows } = await db.query<{ version: string }>(
        'select version from supabase_migrations.schema_migrations order by version',
      );
      expect(rows.map((r) => r.version)).toEqual((await listMigrations()).map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
    });
  });

  it('apply in order to an empty database', async () => {
    const name = `fresh_${Date.now()}`;
    await withDb((db) => db.query(`create database ${name}`));
    try {
      const freshUrl = stackInfo().dbUrl.replace(/\/postgres$/, `/${name}`);
      await withDb(async (db) => {
        const applied = await migrate(db);
        expect(applied).toEqual((await listMigrations()).map((m) => m.version));
        const { rows } = await db.query<{ table_name: string }>(
          "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
        );
        expect(rows.map((r) => r.table_name)).toEqual([
          'attention_claims',
          'attention_events',
          'attention_rules',
          'calls',
          'campaign_activity_rollup',
          'campaign_objective_rollup',
          'campaigns',
          'candidate_notes',
          'candidates',
          'chat_history',
          'jobs',
          'numbers',
          'search_documents',
          'search_words',
          'session_activity_rollup',
          'session_status_rollup',
          'sessions',
          'staff_members',
        ]);
        const pub = await db.query<{ tablename: string }>(
          "select tablename from pg_publication_tables where pubname = 'supabase_realtime' order by tablename",
        );
        expect(pub.rows.map((r) => r.tablename)).toEqual([
          'attention_claims',
          'attention_rules',
          'calls',
          'chat_history',
          'numbers',
          'sessions',
        ]);
        expect(await migrate(db)).toEqual([]);
      }, freshUrl);
    } finally {
      await withDb((db) => db.query(`drop database ${name} with (force)`));
    }
  });

  it('every table has row-level security switched on', async () => {
    await withDb(async (db) => {
      const { rows } = await db.query<{ relname: string }>(
        "select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' and not relrowsecurity",
      );
      expect(rows).toEqual([]);
    });
  });
});

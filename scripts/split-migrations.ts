import fs from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../stack/config';
import { belongsToProject, listMigrations } from '../stack/migrate';

/**
 * `npm run db:split`: for the two-project layout (DESIGN §1), writes one Supabase CLI folder per
 * project holding only the migrations that belong to it, ready for
 * `npx supabase db push --workdir build/supabase-<app|backend> --db-url …`.
 * The one-project layout pushes supabase/ itself.
 */
async function main() {
  const migrations = (await listMigrations()).filter((m) =>
    m.file.includes(`${path.sep}supabase${path.sep}`),
  );
  for (const project of ['app', 'backend'] as const) {
    const dir = path.join(REPO_ROOT, 'build', `supabase-${project}`, 'supabase');
    await fs.rm(path.dirname(dir), { recursive: true, force: true });
    await fs.mkdir(path.join(dir, 'migrations'), { recursive: true });
    await fs.copyFile(path.join(REPO_ROOT, 'supabase/config.toml'), path.join(dir, 'config.toml'));
    const mine = migrations.filter((m) => belongsToProject(m, project));
    for (const m of mine)
      await fs.copyFile(m.file, path.join(dir, 'migrations', path.basename(m.file)));
    console.log(
      `${path.relative(REPO_ROOT, dir)}: ${mine.map((m) => path.basename(m.file)).join(', ')}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});

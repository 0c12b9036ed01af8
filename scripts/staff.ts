import pg from 'pg';
import { localProjects } from '../stack/local-layout';

/**
 * `npm run staff -- add <email> <role> | remove <email> | list`
 * Manages who may read the dashboard's data (DESIGN §6). Talks to the local stack's database by
 * default, or to a hosted app project through APP_DATABASE_URL (its direct Postgres URL).
 */
const ROLES = ['recruiter', 'ops', 'manager', 'admin'] as const;
const USAGE = `Usage:
  npm run staff -- add <email> <role>     role: ${ROLES.join(' | ')}
  npm run staff -- remove <email>
  npm run staff -- list`;

class UsageError extends Error {}

async function run(client: pg.Client, [command, email, role, ...extra]: string[]): Promise<string> {
  if (extra.length) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
  if (command === 'list') {
    const { rows } = await client.query<{ email: string; role: string; created_at: Date }>(
      'select email, role, created_at from public.staff_members order by role, email',
    );
    if (!rows.length) return 'No staff members.';
    return rows
      .map(
        (r) =>
          `${r.role.padEnd(10)} ${r.email.padEnd(40)} since ${r.created_at.toISOString().slice(0, 10)}`,
      )
      .join('\n');
  }
  if (!email) throw new UsageError('An email is required.');
  const normalized = email.trim().toLowerCase();
  if (command === 'add') {
    if (!role || !(ROLES as readonly string[]).includes(role))
      throw new UsageError(`Unknown role "${role ?? ''}". Roles: ${ROLES.join(', ')}.`);
    const { rows } = await client.query<{ id: string }>(
      'select id from auth.users where lower(email) = $1',
      [normalized],
    );
    if (!rows[0])
      throw new UsageError(
        `No user with email ${normalized}. They must sign up first (or be invited in Supabase Auth).`,
      );
    await client.query(
      `insert into public.staff_members (user_id, email, role) values ($1, $2, $3)
       on conflict (user_id) do update set role = excluded.role, email = excluded.email`,
      [rows[0].id, normalized, role],
    );
    return `${normalized} is now ${role}.`;
  }
  if (command === 'remove') {
    const { rowCount } = await client.query(
      'delete from public.staff_members where lower(email) = $1',
      [normalized],
    );
    if (!rowCount) throw new UsageError(`${normalized} is not a staff member.`);
    return `${normalized} removed: their next request reads nothing.`;
  }
  throw new UsageError(`Unknown command "${command ?? ''}".`);
}

async function main() {
  const connectionString = process.env.APP_DATABASE_URL || localProjects().app.dbUrl;
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
  } catch (error) {
    console.error(
      `Cannot reach the database (${(error as Error).message}). Is \`npm run stack\` running, or APP_DATABASE_URL set?`,
    );
    process.exit(1);
  }
  try {
    console.log(await run(client, process.argv.slice(2)));
  } catch (error) {
    console.error(
      error instanceof UsageError ? `${error.message}\n\n${USAGE}` : (error as Error).message,
    );
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } finally {
    await client.end();
  }
}

void main();

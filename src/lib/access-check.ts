import type { DbClient } from './lean-client';

/**
 * Why a signed-in user sees no data, named so the app can say it instead of showing empty pages
 * (DESIGN §6): they are not (or no longer) staff, or — in the two-project layout (DESIGN §1) —
 * the backend project can't be reached, refuses the app project's token, lacks the dashboard's
 * migrations, or can't tell staff apart because the token carries no role.
 */
type AccessProblemKind =
  | 'not-staff'
  | 'no-role-claim'
  | 'backend-unreachable'
  | 'backend-refuses-token'
  | 'backend-missing-migrations';

export interface AccessProblem {
  kind: AccessProblemKind;
  title: string;
  detail: string;
}

export interface AccessClients {
  app: DbClient;
  /** The backend project's client; null in the one-project layout. */
  backend: { db: DbClient; url: string } | null;
}

export interface AccessSubject {
  userId: string;
  email: string;
  /** The `app_metadata.staff_role` claim of the current access token. */
  staffRoleClaim: string | null;
}

const problem = (kind: AccessProblemKind, title: string, detail: string): AccessProblem => ({
  kind,
  title,
  detail,
});

// What is missing, by PostgREST's codes (and Postgres's): a table, or a function (a read model).
const MISSING: Record<string, string> = {
  PGRST205: 'agent tables',
  '42P01': 'agent tables',
  PGRST202: 'read models',
  '42883': 'read models',
};

/**
 * Null when the user may read everything; otherwise the problem. Throws (inconclusive) when the
 * app project itself can't be asked: the screens report that failure themselves.
 */
export async function checkAccess(
  clients: AccessClients,
  who: AccessSubject,
  signal?: AbortSignal,
): Promise<AccessProblem | null> {
  // staff_members is readable by staff only: the user's own row exists only for a member.
  let own = clients.app.from('staff_members').select('role').eq('user_id', who.userId);
  if (signal) own = own.abortSignal(signal);
  const member = await own;
  if (member.error) throw new Error(`Couldn't check staff access: ${member.error.message}`);
  if (!member.data.length)
    return problem(
      'not-staff',
      'Your account has no access to the dashboard',
      `${who.email || 'This account'} is not a staff member, or was removed. Ask an admin to ` +
        'add you (npm run staff -- add), then sign in again.',
    );

  const { backend } = clients;
  if (!backend) return null;
  if (!who.staffRoleClaim)
    return problem(
      'no-role-claim',
      "The backend project can't see your staff role",
      "Your sign-in token carries no staff_role claim, so the backend project's policies show you " +
        "nothing. Switch on the app project's access token hook (Authentication → Hooks → " +
        'custom_access_token_hook, see the README), then sign out and in again.',
    );

  const where = backend.url;
  for (const probe of [
    backend.db.from('sessions').select('session_id').limit(1),
    backend.db.rpc('candidate_summary', { p_phones: [] }),
  ]) {
    const { error, status } = await (signal ? probe.abortSignal(signal) : probe);
    if (!error) continue;
    if (status === 0)
      return problem(
        'backend-unreachable',
        "Can't reach the backend project",
        `No answer from ${where}. Check VITE_BACKEND_SUPABASE_URL, your connection, and that the ` +
          'project is running (locally: npm run stack -- --two-projects).',
      );
    if (status === 401)
      return problem(
        'backend-refuses-token',
        'The backend project refuses your sign-in',
        `${where} answered 401 to the app project's token: the two projects must share one JWT ` +
          "secret, and VITE_BACKEND_SUPABASE_ANON_KEY must be the backend project's anon key.",
      );
    const missing = MISSING[error.code ?? ''];
    if (missing)
      return problem(
        'backend-missing-migrations',
        "The backend project lacks the dashboard's migrations",
        `${where} has no ${missing} (${error.message}). Push build/supabase-backend to it ` +
          '(npm run db:split, then supabase db push; see the README).',
      );
    throw new Error(`Couldn't check the backend project: ${error.message}`);
  }
  return null;
}

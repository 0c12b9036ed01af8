import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { bearerToken, errorAnswer, readBody, sendJson } from '../http';
import { AUTH_RATE_WINDOW_SECONDS, type AuthRateLimits } from '../config';
import type { PasswordHasher } from './password-hasher';
import { RateLimiter } from './rate-limit';
import { newRefreshToken, signAccessToken, verifyToken } from './tokens';

/**
 * The subset of GoTrue (Supabase Auth) that supabase-js uses: sign-up, password and refresh-token
 * grants, the current user, and logout. Errors use GoTrue's JSON shape ({code, error_code, msg}),
 * which auth-js turns into AuthApiError with the same message and code.
 */
export interface AuthOptions {
  pool: pg.Pool;
  jwtSecret: string;
  issuer: string;
  expiresIn: number;
  /** Where the details of unexpected errors go; clients get a generic 500. */
  log: (line: string) => void;
  rateLimits: AuthRateLimits;
  passwords: PasswordHasher;
}

class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Refuses with GoTrue's 429 when `limiter` has no room for `key`; counts the request if `take`. */
function limit(limiter: RateLimiter, key: string, take = true): void {
  const wait = take ? limiter.take(key) : limiter.retryAfter(key);
  if (wait > 0)
    throw new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached', {
      'Retry-After': String(wait),
    });
}

interface UserRow {
  id: string;
  email: string;
  encrypted_password: string;
  email_confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

/** GoTrue's error codes for the statuses that errors other than AuthError get. */
const ERROR_CODES: Record<number, string> = {
  413: 'request_too_large',
  500: 'unexpected_failure',
};

// No control characters: Postgres text cannot hold NUL, and no address has them.
const EMAIL_RE = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What newRefreshToken makes; anything else cannot be one, and is not sent to Postgres. */
const REFRESH_TOKEN_RE = /^[\w-]{1,128}$/;
const MIN_PASSWORD_LENGTH = 6;
/** bcrypt reads no further: a longer password would match on its first 72 bytes alone. */
const MAX_PASSWORD_BYTES = 72;
/** User metadata is copied into every access token; this keeps one well under Node's 16 KiB header limit. */
const MAX_USER_METADATA_BYTES = 8 * 1024;
/** The cost sign-up uses; the stand-in hash below has it too, so that both paths do equal work. */
const BCRYPT_COST = 10;
/**
 * Compared against when no account has the e-mail: the answer is the same "Invalid login
 * credentials" as for a wrong password, and now so is the time it takes.
 */
const STAND_IN_HASH = '$2b$10$OKB8FGwyomzMGItZYhWy1um4LEiVGV7l.bnJqz5g..5yl0eMGU6wK';

function userJson(u: UserRow, appMetadata: Record<string, unknown>) {
  return {
    id: u.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: u.email,
    email_confirmed_at: u.email_confirmed_at,
    phone: '',
    confirmed_at: u.email_confirmed_at,
    last_sign_in_at: u.last_sign_in_at,
    app_metadata: appMetadata,
    user_metadata: u.raw_user_meta_data,
    identities: [],
    created_at: u.created_at,
    updated_at: u.updated_at,
    is_anonymous: false,
  };
}

export function createAuthHandler(options: AuthOptions) {
  const { pool } = options;
  const rule = (capacity: number) => ({ capacity, windowSeconds: AUTH_RATE_WINDOW_SECONDS });
  const signInsPerIp = new RateLimiter(rule(options.rateLimits.signInsPerIp));
  const refreshesPerIp = new RateLimiter(rule(options.rateLimits.refreshesPerIp));
  const failuresPerEmail = new RateLimiter(rule(options.rateLimits.failedSignInsPerEmail));

  // Whether the custom access token hook exists, looked up on the first token issued. The stack
  // applies migrations before it creates this handler, so the answer holds while it runs; a
  // failed lookup (Postgres restarting) is not kept, and the next token asks again.
  let hookAvailable: Promise<boolean> | undefined;
  function hasAccessTokenHook(): Promise<boolean> {
    hookAvailable ??= pool
      .query<{ available: boolean }>(
        "select to_regprocedure('public.custom_access_token_hook(jsonb)') is not null as available",
      )
      .then((result) => result.rows[0]?.available === true)
      .catch((error: unknown) => {
        hookAvailable = undefined;
        throw error;
      });
    return hookAvailable;
  }

  /** app_metadata as the token carries it: staff_role comes from the custom access token hook. */
  async function claimsAppMetadata(user: UserRow): Promise<Record<string, unknown>> {
    const base = { provider: 'email', providers: ['email'], ...user.raw_app_meta_data };
    if (!(await hasAccessTokenHook())) return base;
    const event = {
      user_id: user.id,
      claims: { sub: user.id, app_metadata: base },
      authentication_method: 'password',
    };
    const { rows } = await pool.query<{
      result: { claims?: { app_metadata?: Record<string, unknown> } };
    }>('select public.custom_access_token_hook($1::jsonb) as result', [JSON.stringify(event)]);
    return rows[0]?.result?.claims?.app_metadata ?? base;
  }

  async function issueSession(user: UserRow, sessionId: string, parent: string | null) {
    const appMetadata = await claimsAppMetadata(user);
    const refreshToken = newRefreshToken();
    await pool.query(
      'insert into auth.refresh_tokens (token, user_id, session_id, parent) values ($1, $2, $3, $4)',
      [refreshToken, user.id, sessionId, parent],
    );
    const { token, exp } = await signAccessToken(
      {
        sub: user.id,
        email: user.email,
        phone: '',
        role: 'authenticated',
        aud: 'authenticated',
        session_id: sessionId,
        app_metadata: appMetadata,
        user_metadata: user.raw_user_meta_data,
      },
      options.jwtSecret,
      options.issuer,
      options.expiresIn,
    );
    return {
      access_token: token,
      token_type: 'bearer',
      expires_in: options.expiresIn,
      expires_at: exp,
      refresh_token: refreshToken,
      user: userJson(user, appMetadata),
    };
  }

  async function startSession(user: UserRow) {
    const sessionId = randomUUID();
    await pool.query('insert into auth.sessions (id, user_id) values ($1, $2)', [
      sessionId,
      user.id,
    ]);
    const { rows } = await pool.query<UserRow>(
      'update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1 returning *',
      [user.id],
    );
    return issueSession(rows[0]!, sessionId, null);
  }

  function credentials(body: Record<string, unknown>): { email: string; password: string } {
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    if (!email || !password)
      throw new AuthError(400, 'validation_failed', 'An email and a password are required');
    if (!EMAIL_RE.test(email))
      throw new AuthError(
        400,
        'validation_failed',
        'Unable to validate email address: invalid format',
      );
    if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES)
      throw new AuthError(
        400,
        'validation_failed',
        `Password cannot be longer than ${MAX_PASSWORD_BYTES} bytes`,
      );
    return { email, password };
  }

  async function signup(body: Record<string, unknown>) {
    const { email, password } = credentials(body);
    if (password.length < MIN_PASSWORD_LENGTH)
      throw new AuthError(
        422,
        'weak_password',
        `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
      );
    const userMetadata = body.data && typeof body.data === 'object' ? body.data : {};
    const metadataJson = JSON.stringify(userMetadata);
    if (Buffer.byteLength(metadataJson) > MAX_USER_METADATA_BYTES)
      throw new AuthError(
        400,
        'validation_failed',
        `User data cannot be larger than ${MAX_USER_METADATA_BYTES} bytes of JSON`,
      );
    // jsonb cannot hold a NUL character either.
    if (metadataJson.includes('\\u0000'))
      throw new AuthError(400, 'validation_failed', 'User data must not contain NUL characters');
    const hash = await options.passwords.hash(password, BCRYPT_COST);
    const { rows } = await pool.query<UserRow>(
      `insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
       values ($1, $2, $3, now(), '{"provider":"email","providers":["email"]}', $4)
       on conflict (email) do nothing returning *`,
      [randomUUID(), email, hash, metadataJson],
    );
    if (!rows[0]) throw new AuthError(422, 'user_already_exists', 'User already registered');
    // Local mode confirms emails at once, as Supabase does with "Confirm email" switched off.
    return startSession(rows[0]);
  }

  async function passwordGrant(body: Record<string, unknown>) {
    const { email, password } = credentials(body);
    // An account whose password was guessed at too often is closed to every attempt for a while,
    // the right password included; unknown e-mails alike, so the limit tells nothing either.
    limit(failuresPerEmail, email, false);
    const { rows } = await pool.query<UserRow>('select * from auth.users where email = $1', [
      email,
    ]);
    const user = rows[0];
    // Same answer, after the same work, for an unknown email and a wrong password.
    const matches = await options.passwords.compare(
      password,
      user?.encrypted_password ?? STAND_IN_HASH,
    );
    if (!user || !matches) {
      failuresPerEmail.take(email);
      throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
    }
    return startSession(user);
  }

  async function refreshGrant(body: Record<string, unknown>) {
    const token = typeof body.refresh_token === 'string' ? body.refresh_token : '';
    if (!token) throw new AuthError(400, 'validation_failed', 'refresh_token is required');
    if (!REFRESH_TOKEN_RE.test(token))
      throw new AuthError(
        400,
        'refresh_token_not_found',
        'Invalid Refresh Token: Refresh Token Not Found',
      );
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<{
        user_id: string;
        session_id: string;
        revoked: boolean;
      }>(
        'select user_id, session_id, revoked from auth.refresh_tokens where token = $1 for update',
        [token],
      );
      const row = rows[0];
      if (!row)
        throw new AuthError(
          400,
          'refresh_token_not_found',
          'Invalid Refresh Token: Refresh Token Not Found',
        );
      if (row.revoked) {
        // A reused token may have been stolen: end the whole session, as GoTrue does.
        await client.query('delete from auth.sessions where id = $1', [row.session_id]);
        await client.query('commit');
        throw new AuthError(
          400,
          'refresh_token_already_used',
          'Invalid Refresh Token: Already Used',
        );
      }
      await client.query('update auth.refresh_tokens set revoked = true where token = $1', [token]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    const { rows } = await pool.query<UserRow & { session_id: string }>(
      'select u.*, t.session_id from auth.refresh_tokens t join auth.users u on u.id = t.user_id where t.token = $1',
      [token],
    );
    const user = rows[0];
    if (!user)
      throw new AuthError(404, 'user_not_found', 'User from sub claim in JWT does not exist');
    return issueSession(user, user.session_id, token);
  }

  /** The user and session behind a request's bearer token; the session must still exist. */
  async function authenticate(req: IncomingMessage): Promise<{ user: UserRow; sessionId: string }> {
    const token = bearerToken(req);
    if (!token)
      throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
    let claims: Record<string, unknown>;
    try {
      claims = await verifyToken(token, options.jwtSecret);
    } catch (error) {
      throw new AuthError(403, 'bad_jwt', (error as Error).message);
    }
    // The anon and service-role keys are valid JWTs without a user: GoTrue's answer, not Postgres's.
    const { sub, session_id: sessionId } = claims;
    if (typeof sub !== 'string' || !UUID_RE.test(sub))
      throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
    if (typeof sessionId !== 'string' || !UUID_RE.test(sessionId))
      throw new AuthError(
        403,
        'session_not_found',
        'Session from session_id claim in JWT does not exist',
      );
    const { rows } = await pool.query<UserRow>('select * from auth.users where id = $1', [sub]);
    if (!rows[0])
      throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    const session = await pool.query('select 1 from auth.sessions where id = $1', [sessionId]);
    if (!session.rowCount)
      throw new AuthError(
        403,
        'session_not_found',
        'Session from session_id claim in JWT does not exist',
      );
    return { user: rows[0], sessionId };
  }

  async function parseJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const raw = (await readBody(req)).toString('utf8');
    try {
      const value: unknown = raw ? JSON.parse(raw) : {};
      if (value && typeof value === 'object' && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
  }

  return async function handleAuth(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ) {
    try {
      const route = `${req.method} ${path}`;
      // The peer's address: a local stack sits behind no proxy, and X-Forwarded-For is anyone's to set.
      const ip = req.socket.remoteAddress ?? '';
      if (route === 'POST /signup') {
        limit(signInsPerIp, ip);
        return sendJson(res, 200, await signup(await parseJson(req)));
      }
      if (route === 'POST /token') {
        const grant = query.get('grant_type');
        if (grant === 'password') {
          limit(signInsPerIp, ip);
          return sendJson(res, 200, await passwordGrant(await parseJson(req)));
        }
        if (grant === 'refresh_token') {
          limit(refreshesPerIp, ip);
          return sendJson(res, 200, await refreshGrant(await parseJson(req)));
        }
        throw new AuthError(400, 'validation_failed', `Unsupported grant_type "${grant ?? ''}"`);
      }
      if (route === 'GET /user') {
        const { user } = await authenticate(req);
        return sendJson(res, 200, userJson(user, await claimsAppMetadata(user)));
      }
      if (route === 'POST /logout') {
        const { user, sessionId } = await authenticate(req);
        const scope = query.get('scope') ?? 'global';
        if (scope === 'global')
          await pool.query('delete from auth.sessions where user_id = $1', [user.id]);
        else if (scope === 'others')
          await pool.query('delete from auth.sessions where user_id = $1 and id <> $2', [
            user.id,
            sessionId,
          ]);
        else await pool.query('delete from auth.sessions where id = $1', [sessionId]);
        res.writeHead(204).end();
        return;
      }
      if (route === 'GET /health')
        return sendJson(res, 200, {
          name: 'GoTrue-compatible local auth',
          description: 'Outreach Dashboard stack',
        });
      throw new AuthError(404, 'not_found', `No auth route ${route}`);
    } catch (error) {
      if (error instanceof AuthError)
        return sendJson(
          res,
          error.status,
          { code: error.status, error_code: error.errorCode, msg: error.message },
          error.headers,
        );
      const { status, message } = errorAnswer(error, options.log);
      return sendJson(res, status, {
        code: status,
        error_code: ERROR_CODES[status] ?? 'validation_failed',
        msg: message,
      });
    }
  };
}

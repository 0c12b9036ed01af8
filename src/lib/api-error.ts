export type ApiErrorKind = 'validation' | 'not-found' | 'unauthorized' | 'network' | 'server';

/** The one error type the data layer throws; `message` is written for the person using the app. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
  }
}

const messages: Record<ApiErrorKind, string> = {
  network: "Can't reach the server. Check your connection and try again.",
  unauthorized: "You don't have access to this. Try signing out and in again.",
  'not-found': "That wasn't found on the server.",
  validation: 'The server could not accept that request.',
  server: 'The server ran into a problem. Try again in a moment.',
};

function kindFromStatus(status: number | undefined): ApiErrorKind {
  if (status === 0) return 'network';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status !== undefined && status >= 400 && status < 500) return 'validation';
  return 'server';
}

/**
 * supabase-js reports a failed fetch (offline, DNS, CORS, aborted) as status 0, and a HEAD
 * request's error has no body, so the HTTP status is the reliable signal.
 */
export function apiErrorFromStatus(status: number | undefined, cause: unknown): ApiError {
  const kind = kindFromStatus(status);
  return new ApiError(kind, messages[kind], { status, cause });
}

export function describeError(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
}

/** The fields of supabase-js's PostgrestError this module reads. */
interface PostgrestFailure {
  message?: string;
  code?: string;
}

/**
 * A failed PostgREST request as an ApiError. Postgres error codes say more than the status: a
 * missing read model (PGRST202) or table (42P01) means the backend lacks a migration, not that
 * the user typed something wrong.
 */
function apiErrorFromPostgrest(
  error: PostgrestFailure,
  status: number | undefined,
  what: string,
): ApiError {
  if (error.code === 'PGRST202' || error.code === '42P01' || error.code === '42883') {
    return new ApiError(
      'not-found',
      `The backend has no ${what}. Apply the dashboard's migrations to it (see the README).`,
      { status, cause: error },
    );
  }
  if (error.code === '42501') return apiErrorFromStatus(403, error);
  return apiErrorFromStatus(status, error);
}

/** apiErrorFromPostgrest bound to what is read, for `throw fail('the sessions')(error, status)`. */
export const fail = (what: string) => (error: PostgrestFailure, status: number) =>
  apiErrorFromPostgrest(error, status, what);

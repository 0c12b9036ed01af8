import {
  isAuthApiError,
  isAuthRetryableFetchError,
  type AuthError,
  type Session,
} from '@supabase/auth-js';
import { ApiError, apiErrorFromStatus } from './api-error';
import { appAuth } from './supabase-auth';
import { staffRoleClaim } from './token-claims';

export interface AuthSession {
  userId: string;
  email: string;
  /** The access token's `app_metadata.staff_role` claim, which a backend project checks. */
  staffRoleClaim: string | null;
  /** When the access token expires (epoch seconds): a new value after every refresh. */
  expiresAt: number;
}

function toAuthSession(session: Session): AuthSession {
  return {
    userId: session.user.id,
    email: session.user.email ?? '',
    staffRoleClaim: staffRoleClaim(session.access_token),
    expiresAt: session.expires_at ?? 0,
  };
}

function toApiError(error: AuthError): ApiError {
  if (isAuthRetryableFetchError(error)) return apiErrorFromStatus(error.status, error);
  if (error.code === 'invalid_credentials' || error.message === 'Invalid login credentials') {
    return new ApiError('unauthorized', 'Wrong email or password.', {
      status: error.status,
      cause: error,
    });
  }
  // The auth server's other refusals ("Email not confirmed", rate limits) are already readable.
  if (isAuthApiError(error) && error.status < 500) {
    return new ApiError('validation', error.message, { status: error.status, cause: error });
  }
  return apiErrorFromStatus(error.status, error);
}

export async function signIn(email: string, password: string): Promise<AuthSession> {
  const { data, error } = await appAuth.signInWithPassword({
    email: email.trim(),
    password,
  });
  if (error) throw toApiError(error);
  return toAuthSession(data.session);
}

export async function signOut(): Promise<void> {
  // Local scope clears this device's session before asking the server to revoke it, so signing
  // out works offline too; a failed revocation leaves the user nothing to act on.
  await appAuth.signOut({ scope: 'local' });
}

export async function getSession(): Promise<AuthSession | null> {
  const { data, error } = await appAuth.getSession();
  if (error) throw toApiError(error);
  return data.session ? toAuthSession(data.session) : null;
}

/** Calls `listener` with the current session at once and after every change; returns unsubscribe. */
export function onAuthStateChange(listener: (session: AuthSession | null) => void): () => void {
  const { data } = appAuth.onAuthStateChange((_event, session) => {
    listener(session ? toAuthSession(session) : null);
  });
  return () => data.subscription.unsubscribe();
}

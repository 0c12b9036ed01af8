/**
 * The `app_metadata.staff_role` claim of an access token, which a backend project's policies
 * check (DESIGN §6), or null. Read, not verified: the servers verify; this only tells the app and
 * backend:test what they will see.
 */
export function staffRoleClaim(token: string): string | null {
  try {
    const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as {
      app_metadata?: { staff_role?: unknown };
    };
    const role = claims.app_metadata?.staff_role;
    return typeof role === 'string' && role ? role : null;
  } catch {
    return null;
  }
}

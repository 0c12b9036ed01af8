import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export interface AccessTokenClaims {
  sub: string;
  email: string;
  role: 'authenticated';
  aud: 'authenticated';
  session_id: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  [claim: string]: unknown;
}

const encoder = new TextEncoder();

/** HS256 access token with GoTrue's claims, so PostgREST and supabase-js read it as Supabase's own. */
export async function signAccessToken(
  claims: AccessTokenClaims,
  secret: string,
  issuer: string,
  expiresIn: number,
) {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + expiresIn;
  const token = await new SignJWT({
    ...claims,
    aal: 'aal1',
    amr: [{ method: 'password', timestamp: iat }],
    is_anonymous: false,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(issuer)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(encoder.encode(secret));
  return { token, exp };
}

/** Verifies signature and expiry; throws with GoTrue's wording on failure. */
export async function verifyToken(token: string, secret: string): Promise<Record<string, unknown>> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'] });
    return payload;
  } catch (error) {
    const reason =
      (error as { code?: string }).code === 'ERR_JWT_EXPIRED'
        ? 'token is expired'
        : 'unable to parse or verify signature';
    throw new Error(`invalid JWT: ${reason}`);
  }
}

export const newRefreshToken = () => randomBytes(24).toString('base64url');

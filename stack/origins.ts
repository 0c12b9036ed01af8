/**
 * Who may talk to the local stack from a browser (DESIGN §6). Its keys are Supabase's well-known
 * local ones, the service-role key among them, so any web page the developer opens could use them
 * against it: only pages served from this machine may (CORS and WebSocket Origin), and only
 * requests addressed to this machine are answered (Host), which stops DNS rebinding.
 * STACK_CORS_ORIGINS adds origins (comma-separated; `*` for any).
 */

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export const isLoopbackHostname = (hostname: string) =>
  LOOPBACK_HOSTNAMES.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);

/** A request without an Origin comes from no web page (scripts, curl, an <audio> element). */
export function originAllowed(origin: string | undefined, extra: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (extra.includes('*') || extra.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname)
    );
  } catch {
    return false; // "null" (sandboxed frames, file://) and anything unparsable
  }
}

/** The Host header names this machine (HTTP/1.1 always sends one; none is let through). */
export function hostAllowed(host: string | undefined): boolean {
  if (!host) return true;
  try {
    return isLoopbackHostname(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

/** STACK_CORS_ORIGINS: `https://dash.example.com,http://10.0.0.5:5173`, or `*`. */
export function parseCorsOrigins(value: string | undefined): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin)
      throw new Error(
        `STACK_CORS_ORIGINS must list origins such as https://dash.example.com (scheme, host and port only), got "${origin}"`,
      );
  }
  return origins;
}

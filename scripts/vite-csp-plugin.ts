import type { Plugin } from 'vite';

/**
 * A Content-Security-Policy for the production build (DESIGN §6), as a `<meta>` in index.html so
 * it travels with the static files wherever they are hosted. Build only: the dev server needs
 * inline scripts for hot reload.
 *
 * - scripts only from the app's own origin: a payload that slipped into the DOM as HTML still
 *   could not run;
 * - the browser talks only to the configured Supabase project(s): REST/auth over http(s), realtime
 *   over ws(s);
 * - recordings play from the project's storage or any https host (the voice provider's);
 * - `<style>` elements may be inline because sonner (toasts) and Radix's scroll lock (dialogs)
 *   insert them at run time with content no hash can predict; `style="…"` attributes stay
 *   blocked. Styles cannot run script.
 *
 * frame-ancestors and report-uri are ignored in a `<meta>` policy, so they are left to the host.
 */
export function contentSecurityPolicy(supabaseUrls: readonly string[]): string {
  const origins = [...new Set(supabaseUrls.flatMap((url) => httpOrigin(url) ?? []))];
  const sockets = origins.map((origin) => origin.replace(/^http/, 'ws'));
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['style-src-elem', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...origins, ...sockets],
    ['media-src', "'self'", 'https:', ...origins],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map((tokens) => tokens.join(' ')).join('; ');
}

/** `https://abc.supabase.co/` → `https://abc.supabase.co`; anything but an http(s) URL → null. */
function httpOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Injects the policy for the Supabase URLs the build is configured with (VITE_… variables). */
export function cspPlugin(): Plugin {
  let policy = '';
  return {
    name: 'outreach-csp',
    apply: 'build',
    configResolved(config) {
      const env = config.env as Record<string, string | undefined>;
      const urls = [env.VITE_SUPABASE_URL, env.VITE_BACKEND_SUPABASE_URL].filter(
        (url): url is string => Boolean(url?.trim()),
      );
      if (urls.length === 0)
        config.logger.warn('CSP: VITE_SUPABASE_URL is not set; the build can reach no API.');
      policy = contentSecurityPolicy(urls);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}" />`;
        // Right after the charset, before any script or stylesheet: a meta policy governs only
        // what comes after it.
        const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
        if (!charset) return html.replace(/<head>/i, (head) => `${head}\n    ${meta}`);
        const at = charset.index + charset[0].length;
        return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
      },
    },
  };
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

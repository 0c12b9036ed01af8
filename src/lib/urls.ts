/** Only http(s) URLs are ever opened or played (DESIGN §6): never javascript:, data:, gs:, … */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A `mailto:` link to exactly one address, or null when `email` is no plain address: candidate
 * data must not add recipients, a subject or a body (`a@b.com?cc=…&body=…`, `a@b.com,c@d.com`).
 * What remains is percent-encoded, as RFC 6068 asks.
 */
export function mailtoHref(email: string): string | null {
  const match =
    /^([^\s@?&#,;:<>()[\]\\"%/]+)@([^\s@?&#,;:<>()[\]\\"%/]+\.[^\s@?&#,;:<>()[\]\\"%/]+)$/.exec(
      email.trim(),
    );
  return match ? `mailto:${encodeURIComponent(match[1]!)}@${encodeURIComponent(match[2]!)}` : null;
}

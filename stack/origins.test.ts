import { describe, expect, it } from 'vitest';
import { hostAllowed, originAllowed, parseCorsOrigins } from './origins';

describe('who may talk to the local stack', () => {
  it.each([
    [undefined, true],
    ['http://127.0.0.1:5173', true],
    ['http://localhost:4173', true],
    ['https://localhost', true],
    ['http://[::1]:5173', true],
    ['http://127.8.9.10:80', true],
    ['https://evil.example', false],
    ['http://127.0.0.1.evil.example', false],
    ['http://localhost.evil.example:5173', false],
    ['null', false],
    ['file://', false],
    ['chrome-extension://abc', false],
  ])('origin %s → %s', (origin, allowed) => expect(originAllowed(origin, [])).toBe(allowed));

  it('STACK_CORS_ORIGINS adds exactly the origins it lists, or any with *', () => {
    const extra = parseCorsOrigins(' https://dash.example.com , http://10.0.0.5:5173');
    expect(originAllowed('https://dash.example.com', extra)).toBe(true);
    expect(originAllowed('http://10.0.0.5:5173', extra)).toBe(true);
    expect(originAllowed('https://dash.example.com:8443', extra)).toBe(false);
    expect(originAllowed('https://evil.example', parseCorsOrigins('*'))).toBe(true);
    for (const bad of ['dash.example.com', 'https://dash.example.com/app', 'ftp://x.example'])
      expect(() => parseCorsOrigins(bad)).toThrow(/STACK_CORS_ORIGINS must list origins/);
  });

  it.each([
    ['127.0.0.1:54321', true],
    ['localhost:54321', true],
    ['[::1]:54321', true],
    ['evil.example:54321', false],
    ['127.0.0.1.nip.io:54321', false],
  ])('host %s → %s', (host, allowed) => expect(hostAllowed(host)).toBe(allowed));
});

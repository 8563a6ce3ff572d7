import { readCookie, SESSION_COOKIE, sessionCookieHeader, signSession, verifySession } from '../../../../adapters/web/verify';

const SECRET = 'test-secret-0123456789';
const SESSION = 'abcdefghijklmnopqrstuvwx';
const NOW = 1_800_000_000_000;

describe('web chat session cookies', () => {
  it('verifies what it signed, until it expires', () => {
    const value = signSession(SESSION, NOW + 1000, SECRET);
    expect(verifySession(value, SECRET, NOW)).toBe(SESSION);
    expect(verifySession(value, SECRET, NOW + 1000)).toBeNull();
  });

  it('refuses another secret, a changed session id, a changed expiry and a changed signature', () => {
    const value = signSession(SESSION, NOW + 1000, SECRET);
    const [id, exp, sig] = value.split('.') as [string, string, string];
    expect(verifySession(value, 'another-secret', NOW)).toBeNull();
    expect(verifySession(`${id.replace('a', 'b')}.${exp}.${sig}`, SECRET, NOW)).toBeNull();
    expect(verifySession(`${id}.${Number(exp) + 10_000}.${sig}`, SECRET, NOW)).toBeNull();
    expect(verifySession(`${id}.${exp}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`, SECRET, NOW)).toBeNull();
    expect(verifySession(`${id}.${exp}.${sig}x`, SECRET, NOW)).toBeNull();
  });

  it('refuses junk without throwing', () => {
    for (const junk of [undefined, '', 'x', 'a.b', 'a.b.c.d', `${SESSION}.notanumber.sig`, 'short.1.sig', '../../.1.x']) {
      expect(verifySession(junk, SECRET, NOW)).toBeNull();
    }
  });

  it('will not sign a malformed session id', () => {
    expect(() => signSession('has.dots.in.it-xxxxxxxx', NOW, SECRET)).toThrow();
    expect(() => signSession('short', NOW, SECRET)).toThrow();
  });

  it('reads its cookie from a Cookie header among others', () => {
    const value = signSession(SESSION, NOW + 1000, SECRET);
    const header = `other=1; ${SESSION_COOKIE}=${encodeURIComponent(value)}; last=2`;
    expect(readCookie(header, SESSION_COOKIE)).toBe(value);
    expect(readCookie('other=1', SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(`${SESSION_COOKIE}=%E0%A4%A`, SESSION_COOKIE)).toBeUndefined();
  });

  it('sets the cookie HttpOnly and SameSite=Lax, Secure only when asked', () => {
    const plain = sessionCookieHeader('v', { secure: false, maxAgeMs: 60_000 });
    expect(plain).toContain('HttpOnly');
    expect(plain).toContain('SameSite=Lax');
    expect(plain).toContain('Max-Age=60');
    expect(plain).not.toContain('Secure');
    expect(sessionCookieHeader('v', { secure: true, maxAgeMs: 0 })).toMatch(/Max-Age=0; Secure$/);
  });
});

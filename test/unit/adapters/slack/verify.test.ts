import { readFileSync } from 'node:fs';
import path from 'node:path';
import { signSlackBody, verifySlackSignature } from '../../../../adapters/slack/verify';

const FIXTURES = path.resolve(__dirname, '../../../../../shared/fixtures/slack');
const vector = JSON.parse(readFileSync(path.join(FIXTURES, 'signature_test_vector.json'), 'utf8')) as Record<string, string>;
const TS = vector['x-slack-request-timestamp'] as string;
const AT = Number(TS) * 1000;

const check = (over: Partial<Parameters<typeof verifySlackSignature>[0]> = {}) =>
  verifySlackSignature({
    signingSecret: vector.signing_secret as string,
    timestamp: TS,
    signature: vector['x-slack-signature'],
    rawBody: vector.raw_body as string,
    nowMs: AT,
    ...over,
  });

describe('Slack request signature (v0)', () => {
  it('signs the shared test vector the way Slack does', () => {
    expect(signSlackBody(vector.signing_secret as string, TS, vector.raw_body as string)).toBe(vector['x-slack-signature']);
    expect(check()).toBe('ok');
    expect(check({ rawBody: Buffer.from(vector.raw_body as string) })).toBe('ok');
  });

  it('refuses another secret, a changed body or a changed signature', () => {
    expect(check({ signingSecret: 'other' })).toBe('mismatch');
    expect(check({ rawBody: `${vector.raw_body} ` })).toBe('mismatch');
    expect(check({ signature: `${vector['x-slack-signature']?.slice(0, -1)}0` })).not.toBe('ok');
    expect(check({ signature: 'v0=short' })).toBe('mismatch');
  });

  it('keeps the 5-minute window in both directions', () => {
    expect(check({ nowMs: AT + 5 * 60_000 })).toBe('ok');
    expect(check({ nowMs: AT + 5 * 60_000 + 1000 })).toBe('stale');
    expect(check({ nowMs: AT - 5 * 60_000 - 1000 })).toBe('stale');
  });

  it('refuses missing or malformed headers without throwing', () => {
    expect(check({ signature: undefined })).toBe('missing');
    expect(check({ timestamp: undefined })).toBe('missing');
    expect(check({ timestamp: 'yesterday' })).toBe('missing');
    expect(check({ signingSecret: '' })).toBe('missing');
  });
});

import { Writable } from 'node:stream';
import { createLogger, redactTokens } from '../../../src/logger';

describe('tokens in log lines', () => {
  it('hides an invitation token in a path and keeps record ids readable', () => {
    const token = 'TWmyBGu7PrhuziXnVg2WIQnDVYvS7UDxKeCf9yTNWPE';
    const id = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    expect(redactTokens(`/invite/${token}/web`)).toBe('/invite/[redacted]/web');
    expect(redactTokens(`/api/v1/deliveries/${id}`)).toBe(`/api/v1/deliveries/${id}`);
  });

  it('hides a bot token quoted in an error message, at any level', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('trace', sink);
    const botToken = '123456789:AAE2e-test-token_abcdefghijklmnop';
    logger.trace({ err: `request to https://api.telegram.org/bot${botToken}/getMe failed` }, 'telegram call failed');
    expect(lines.join('')).not.toContain(botToken.split(':')[1]);
    expect(lines.join('')).toContain('[redacted]');
  });
});

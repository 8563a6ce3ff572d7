import { GrammyError, HttpError } from 'grammy';
import { toChannelError } from '../../../../adapters/telegram/errors';
import { DEFAULT_RETRY_POLICY, withRetry } from '../../../../adapters/shared/retry';
import { verifySecret } from '../../../../adapters/telegram/verify';
import { ChannelError } from '../../../../src/engine/channel';

const apiError = (code: number, description: string, parameters = {}) =>
  new GrammyError(
    `Call to 'sendMessage' failed! (${code}: ${description})`,
    { ok: false, error_code: code, description, parameters },
    'sendMessage',
    {},
  );

describe('verifySecret', () => {
  it('accepts only the exact secret', () => {
    expect(verifySecret('s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret')).toBe(true);
    expect(verifySecret('s3cret-s3cret-s3creT', 's3cret-s3cret-s3cret')).toBe(false);
    expect(verifySecret('short', 's3cret-s3cret-s3cret')).toBe(false);
    expect(verifySecret(undefined, 's3cret-s3cret-s3cret')).toBe(false);
    expect(verifySecret(['s3cret-s3cret-s3cret'], 's3cret-s3cret-s3cret')).toBe(false);
    expect(verifySecret('', '')).toBe(false);
  });
});

describe('toChannelError', () => {
  it('maps Bot API answers onto the neutral codes', () => {
    expect(toChannelError(apiError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }))).toMatchObject({
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 7000 },
    });
    expect(toChannelError(apiError(403, 'Forbidden: bot was blocked by the user')).code).toBe('FORBIDDEN');
    expect(toChannelError(apiError(401, 'Unauthorized')).code).toBe('UNAUTHORIZED');
    expect(toChannelError(apiError(400, 'Bad Request: chat not found')).code).toBe('INVALID');
    expect(toChannelError(apiError(502, 'Bad Gateway')).code).toBe('UNREACHABLE');
    expect(toChannelError(new HttpError('Network request failed', new Error('ECONNREFUSED'))).code).toBe('UNREACHABLE');
  });
});

describe('withRetry', () => {
  it('waits out a short retry_after, then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls === 1) throw apiError(429, 'Too Many Requests', { retry_after: 2 });
        return 'ok';
      },
      DEFAULT_RETRY_POLICY,
      async (ms) => void waits.push(ms),
      toChannelError,
    );
    expect(result).toBe('ok');
    expect(waits).toEqual([2000]);
  });

  it('hands a long retry_after to the queue as RATE_LIMITED, and never retries a 403', async () => {
    const sleep = jest.fn(async () => undefined);
    await expect(
      withRetry(
        () => Promise.reject(apiError(429, 'Too Many Requests', { retry_after: 60 })),
        DEFAULT_RETRY_POLICY,
        sleep,
        toChannelError,
      ),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 60_000 },
    });
    const forbidden = jest.fn(() => Promise.reject(apiError(403, 'Forbidden')));
    await expect(withRetry(forbidden, DEFAULT_RETRY_POLICY, sleep, toChannelError)).rejects.toBeInstanceOf(ChannelError);
    expect(forbidden).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('backs off on 5xx and gives up after the last try', async () => {
    const waits: number[] = [];
    const failing = jest.fn(() => Promise.reject(apiError(500, 'Internal Server Error')));
    await expect(
      withRetry(failing, DEFAULT_RETRY_POLICY, async (ms) => void waits.push(ms), toChannelError),
    ).rejects.toMatchObject({
      code: 'UNREACHABLE',
    });
    expect(failing).toHaveBeenCalledTimes(3);
    expect(waits).toEqual([250, 500]);
  });
});

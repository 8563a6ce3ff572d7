import { toAuthOptions, toTeamsConfig } from '../../../../adapters/teams/config';
import { isNotInRoster, toChannelError } from '../../../../adapters/teams/errors';
import { createConversationLimiter } from '../../../../adapters/teams/limiter';
import { authModeOf, classifyAuthFailure, hasBearerToken, LocalModeRefused } from '../../../../adapters/teams/verify';
import { ConfigError, loadConfig } from '../../../../src/config';

const APP_ID = '11111111-2222-3333-4444-555555555555';

describe('Teams config and modes', () => {
  it('is off unless MICROSOFT_APP_ID or TEAMS_ENABLED=true', () => {
    expect(toTeamsConfig(loadConfig({}))).toBeNull();
    expect(toTeamsConfig(loadConfig({ TEAMS_ENABLED: 'true' }))).toMatchObject({ appId: null, nodeEnv: 'development' });
    const jwt = toTeamsConfig(loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret' }));
    expect(jwt && toAuthOptions(jwt)).toEqual({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'MultiTenant',
    });
  });

  it('refuses the unauthenticated local mode in production, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TEAMS_ENABLED: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', TEAMS_ENABLED: 'true' })).toThrow(/MICROSOFT_APP_ID/);
    expect(() => authModeOf({ appId: null, nodeEnv: 'production' })).toThrow(LocalModeRefused);
    expect(authModeOf({ appId: null, nodeEnv: 'test' })).toBe('local');
    expect(authModeOf({ appId: APP_ID, nodeEnv: 'production' })).toBe('jwt');
  });

  it('asks for the password and, for single-tenant apps, the tenant', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: APP_ID })).toThrow(/MICROSOFT_APP_PASSWORD/);
    expect(() =>
      loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'SingleTenant' }),
    ).toThrow(/MICROSOFT_APP_TENANT_ID/);
  });

  it('spells out the public cloud when only the OpenID metadata URL is overridden', () => {
    const config = toTeamsConfig(
      loadConfig({
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'x',
        MICROSOFT_OPENID_METADATA_URL: 'http://127.0.0.1:1/openid',
      }),
    );
    expect(config && toAuthOptions(config)).toMatchObject({
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:1/openid',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    });
  });
});

describe('Teams verify', () => {
  it('checks a bearer token is present and classifies failures', () => {
    expect(hasBearerToken('Bearer abc')).toBe(true);
    expect(hasBearerToken('Basic abc')).toBe(false);
    expect(hasBearerToken(undefined)).toBe(false);
    expect(classifyAuthFailure(Object.assign(new Error('Unauthorized'), { statusCode: 401 }))).toBe('unauthorized');
    expect(classifyAuthFailure(Object.assign(new Error('bad sig'), { name: 'JsonWebTokenError' }))).toBe('unauthorized');
    expect(classifyAuthFailure(Object.assign(new Error('keys'), { statusCode: 500 }))).toBe('unavailable');
    expect(classifyAuthFailure(new Error('ENOTFOUND'))).toBe('unavailable');
  });
});

describe('Teams errors', () => {
  const rest = (statusCode: number, code = '', retryAfter?: string) =>
    Object.assign(new Error(`HTTP ${statusCode}`), {
      name: 'RestError',
      statusCode,
      code,
      response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } },
    });

  it('maps Bot Connector answers onto the neutral codes', () => {
    expect(toChannelError(rest(429, 'Throttled', '3'))).toMatchObject({ code: 'RATE_LIMITED', options: { retryAfterMs: 3000 } });
    expect(toChannelError(rest(412))).toMatchObject({ code: 'RATE_LIMITED', options: { retryAfterMs: 1000 } });
    expect(toChannelError(rest(502)).code).toBe('UNREACHABLE');
    expect(toChannelError(rest(504)).code).toBe('UNREACHABLE');
    expect(toChannelError(rest(404)).code).toBe('NOT_FOUND');
    expect(toChannelError(rest(401)).code).toBe('UNAUTHORIZED');
    expect(toChannelError(rest(400)).code).toBe('INVALID');
    expect(toChannelError(new Error('ECONNREFUSED')).code).toBe('UNREACHABLE');
    const roster = toChannelError(rest(403, 'BotNotInConversationRoster'));
    expect(roster.code).toBe('FORBIDDEN');
    expect(isNotInRoster(roster)).toBe(true);
  });
});

describe('Teams per-conversation limiter', () => {
  it('lets a burst of 6 through, then spaces sends at 6 per second per conversation', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = createConversationLimiter({
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    for (let i = 0; i < 8; i++) await limiter.acquire('a');
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeCloseTo(1000 / 6, 5);
    // Another conversation is not held up by the first.
    await limiter.acquire('b');
    expect(waits).toHaveLength(2);
    now = 10_000;
    await limiter.acquire('a');
    expect(waits).toHaveLength(2);
  });
});

import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from '../../src/config';

/** What the Teams adapter needs from the process config (STYLE.md §3: pure, no I/O). */
export interface TeamsConfig {
  /**
   * The Azure Bot's Microsoft App ID. Set: every inbound activity must carry a valid Bot Framework
   * JWT and replies are sent with a token. Null: the Emulator's unauthenticated local mode.
   */
  appId: string | null;
  appPassword: string | null;
  appTenantId: string | null;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** The OpenID metadata inbound JWT keys come from; null = Bot Framework's public cloud. */
  openIdMetadataUrl: string | null;
  nodeEnv: Config['nodeEnv'];
}

/** The Bot Framework messaging endpoint, as registered on the Azure Bot. */
export const MESSAGES_PATH = '/api/messages';

/** The adapter's config, or null when neither MICROSOFT_APP_ID nor TEAMS_ENABLED=true is set. */
export function toTeamsConfig(config: Config): TeamsConfig | null {
  const t = config.teams;
  if (!t) return null;
  return { ...t, nodeEnv: config.nodeEnv };
}

/** botbuilder's auth options; empty in local mode, which makes CloudAdapter skip the JWT check. */
export function toAuthOptions(config: TeamsConfig): ConfigurationBotFrameworkAuthenticationOptions {
  if (!config.appId) return {};
  return {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword ?? undefined,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId ?? undefined,
    ...(config.openIdMetadataUrl ? publicCloudWith(config.openIdMetadataUrl) : {}),
  };
}

/**
 * botbuilder takes any one of these settings as "everything is set by hand", so overriding the
 * metadata URL means spelling out the rest of the public cloud's values too.
 */
function publicCloudWith(openIdMetadataUrl: string): ConfigurationBotFrameworkAuthenticationOptions {
  // botframework-connector's AuthenticationConstants (public cloud); botbuilder does not re-export them.
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: 'urn:botframework:azure',
  };
}

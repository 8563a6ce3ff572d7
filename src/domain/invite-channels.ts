/**
 * What the invitation page (`/invite/:token`) and the invitation email offer:
 * one entry per configured channel, with how to link it (DESIGN §2). Pure, so the page, the email
 * and the admin command all say the same thing.
 */
export interface InviteChannelsConfig {
  publicUrl: string;
  /** The Telegram bot's username (without @) when Telegram is configured. */
  telegramBotUsername?: string | undefined;
  slack: boolean;
  teams: boolean;
  webChat: boolean;
}

export interface InviteChannel {
  platform: 'TELEGRAM' | 'SLACK' | 'TEAMS' | 'WEB';
  label: string;
  /** One sentence for a person. */
  instructions: string;
  /** A link to open (Telegram deep link) or to POST to (web chat). */
  url?: string;
  method?: 'GET' | 'POST';
  /** The exact text to send to the bot (Slack, Teams). */
  command?: string;
  /** Telegram: the bot's username (without @), for instructions in another language. */
  bot?: string;
}

export function inviteChannels(token: string, config: InviteChannelsConfig): InviteChannel[] {
  const channels: InviteChannel[] = [];
  const command = `link ${token}`;
  if (config.telegramBotUsername) {
    const bot = config.telegramBotUsername.replace(/^@/, '');
    channels.push({
      platform: 'TELEGRAM',
      label: 'Telegram',
      instructions: `Open the link in Telegram and press Start; @${bot} links your account.`,
      url: `https://t.me/${encodeURIComponent(bot)}?start=${encodeURIComponent(token)}`,
      method: 'GET',
      bot,
    });
  }
  if (config.slack)
    channels.push({ platform: 'SLACK', label: 'Slack', instructions: 'Send this message to the Endorse app in Slack:', command });
  if (config.teams)
    channels.push({
      platform: 'TEAMS',
      label: 'Microsoft Teams',
      instructions: 'Send this message to the Endorse bot in Teams:',
      command,
    });
  if (config.webChat)
    channels.push({
      platform: 'WEB',
      label: 'Web chat',
      instructions: 'Open Endorse in your browser.',
      url: `${config.publicUrl}/invite/${encodeURIComponent(token)}/web`,
      method: 'POST',
    });
  return channels;
}

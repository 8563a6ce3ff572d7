import { inviteChannels, type InviteChannelsConfig } from '../../../src/domain/invite-channels';
import { isTokenShaped, renderInvitePage } from '../../../src/http/invite-page';

describe('invitation landing page', () => {
  const token = 'abcDEF123_-abcDEF123_-abcDEF123_-abcDEF123';
  const all: InviteChannelsConfig = {
    publicUrl: 'https://e.test',
    telegramBotUsername: 'EndorseBot',
    slack: true,
    teams: true,
    webChat: true,
  };
  const page = (config: InviteChannelsConfig, t = token) => renderInvitePage({ token: t, channels: inviteChannels(t, config) });

  it('offers every configured channel: web chat, Telegram deep link, and the link command for Slack and Teams', () => {
    const html = page(all);
    expect(html).toContain(`action="/invite/${token}/web"`);
    expect(html).toContain(`href="https://t.me/EndorseBot?start=${token}"`);
    expect(html).toContain(`link ${token}`);
    expect(html).toContain('Microsoft Teams');
    expect(html).toContain('Slack');
  });

  it('offers nothing it cannot honour when no channel is configured', () => {
    const html = page({ publicUrl: 'https://e.test', slack: false, teams: false, webChat: false });
    expect(html).not.toContain('Open the web chat');
    expect(html).not.toContain('t.me');
    expect(html).toContain('No chat channel is configured yet');
  });

  it('escapes whatever it is given and only accepts token-shaped paths', () => {
    const html = page({ ...all, telegramBotUsername: undefined }, '<script>alert(1)</script>"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(isTokenShaped(token)).toBe(true);
    expect(isTokenShaped('<script>alert(1)</script>')).toBe(false);
    expect(isTokenShaped('short')).toBe(false);
  });

  it.each([
    [
      'es',
      'Bienvenido a Endorse, Ana',
      'Te invitaron como reclutador de agencia de Bright Staffing',
      'Abrir el chat web',
      'Abrir en Telegram',
    ],
    ['pt-BR', 'Boas-vindas ao Endorse, Ana', 'Você foi convidado como', 'Abrir o chat na web', 'Abrir no Telegram'],
    ['fil', 'Welcome sa Endorse, Ana', 'Inimbitahan ka bilang', 'Buksan ang web chat', 'Buksan sa Telegram'],
  ] as const)(
    'speaks the visitor’s language (%s), with the role, buttons and how-to in it',
    (language, welcome, invited, web, telegram) => {
      const html = renderInvitePage({
        token,
        channels: inviteChannels(token, all),
        invitation: { name: 'Ana', role: 'AGENCY_USER', agencyName: 'Bright Staffing', expiresAt: new Date() },
        language,
      });
      expect(html).toContain(`<html lang="${language}">`);
      for (const words of [welcome, invited, web, telegram]) expect(html).toContain(words);
      expect(html).toContain('@EndorseBot');
      // Nothing left in English but the product names.
      expect(html).not.toMatch(/Open the|Send this message|You are invited|The link works once/);
    },
  );
});

/**
 * The people of bench:mix: every admin and user of the 50 seeded agencies (seed-candidates.ts ids
 * `user-<agency>-<n>`, n = 0 the admin), each with a chat identity on the platform under test.
 */
export type MixPlatform = 'telegram' | 'teams';

export const MIX_AGENCIES = 50;
export const MIX_USERS_PER_AGENCY = 5;
export const PEOPLE = MIX_AGENCIES * (MIX_USERS_PER_AGENCY + 1);

/** Shared with bench/telegram.ts, bench/teams.ts and bench/slack.ts, whose fake APIs and bare bots bench:mix reuses. */
export const MIX_SEED = {
  telegramToken: '123456789:AABenchToken_abcdefghijklmnopqrstuv',
  telegramSecret: 'bench-telegram-webhook-secret-0123456789',
  tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  teamsBot: { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'Teams TestBot' },
  chatBase: 910_000_001,
  slackSigningSecret: 'bench-slack-signing-secret-0123456789',
  slackToken: 'xoxb-bench-0001-abcdefghijklmnop',
  slackTeam: { id: 'TBENCH0001', name: 'Bench workspace' },
} as const;

export function personOf(k: number): { agency: number; admin: boolean; userId: string } {
  const agency = Math.floor(k / (MIX_USERS_PER_AGENCY + 1)) + 1;
  const n = k % (MIX_USERS_PER_AGENCY + 1);
  return { agency, admin: n === 0, userId: `user-${agency}-${n}` };
}

/** Person k's identity on the platform: ids stable, so the app child links them all beforehand. */
export function identityOf(platform: MixPlatform, k: number, serviceUrl = '') {
  const teams = {
    id: `29:mix-user-${k}`,
    aadObjectId: `00000000-0000-4000-9000-${String(k).padStart(12, '0')}`,
    conversationId: `a:mix-conversation-${k}`,
  };
  if (platform === 'telegram') {
    const chatId = MIX_SEED.chatBase + k;
    return { platformUserId: String(chatId), workspaceId: '', address: { chatId }, teams };
  }
  return {
    platformUserId: teams.aadObjectId,
    workspaceId: MIX_SEED.tenant,
    address: {
      serviceUrl,
      channelId: 'msteams',
      conversation: { id: teams.conversationId, conversationType: 'personal', tenantId: MIX_SEED.tenant },
      bot: MIX_SEED.teamsBot,
      user: { id: teams.id, name: `Mix User ${k}`, aadObjectId: teams.aadObjectId },
      locale: 'en-US',
    },
    teams,
  };
}

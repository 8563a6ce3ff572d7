/**
 * The people of bench:mix: every admin and user of the 50 seeded agencies (seed-candidates.ts ids
 * `user-<agency>-<n>`, n = 0 the admin), each with a chat identity on the platform under test.
 */
export type MixPlatform = 'telegram' | 'teams' | 'slack';

/** One thing a scripted person says or does: a text, a button press, a filled-in form. */
export type Step =
  | { kind: 'text'; text: string; label: string }
  | { kind: 'action'; actionId: string; value?: string; label: string }
  | { kind: 'form'; values: Record<string, string>; label: string };

export const MIX_AGENCIES = 50;
export const MIX_USERS_PER_AGENCY = 5;
export const PEOPLE = MIX_AGENCIES * (MIX_USERS_PER_AGENCY + 1);
/** The base every mix bench seeds: 100,000 candidates over the agencies, 12 campaigns. */
export const MIX_SEED_SPEC = {
  candidates: 100_000,
  agencies: MIX_AGENCIES,
  usersPerAgency: MIX_USERS_PER_AGENCY,
  campaigns: 12,
  label: 'Mix',
} as const;

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

/**
 * A Slack user id and their DM channel with the app. `who` keeps each target's people apart
 * (`MIX` our app's seeded people, `BARE` / `STUB` the others), since all three answer through the
 * same fake Web API and replies are matched to people by channel.
 */
export const slackUserOf = (k: number, who = 'MIX') => `U${who}${String(k).padStart(5, '0')}`;
export const slackDmOf = (user: string) => `D${user.slice(1)}`;

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
  if (platform === 'slack') {
    const user = slackUserOf(k);
    const teamId = MIX_SEED.slackTeam.id;
    return { platformUserId: user, workspaceId: teamId, address: { teamId, channel: slackDmOf(user), userId: user }, teams };
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

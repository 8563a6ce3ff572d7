import { performance } from 'node:perf_hooks';
import { SYSTEM_ACTOR } from '../../src/services';
import { benchAppEnv, startBenchApp } from './bench-app';
import { BENCH_SERVER_URL } from './bench-database';
import { reportReady } from './child-process';
import { identityOf, MIX_SEED, MIX_SEED_SPEC, PEOPLE, personOf, type MixPlatform } from './mix-people';
import { seedCandidates } from './seed-candidates';

/**
 * bench:mix's seeding child: our app's database for one platform, seeded with 100,000 candidates
 * over 50 agencies, every agency person linked on that platform, and a recruiter API key. Reports
 * the key, how long seeding took and the environment the app is to run with, then stops: the app
 * itself runs as the production build (startProductionApp), not in this tsx process.
 */
export async function seedBenchApp(platform: MixPlatform, database: string, api: string): Promise<void> {
  const env: Record<MixPlatform, Record<string, string>> = {
    telegram: {
      TELEGRAM_BOT_TOKEN: MIX_SEED.telegramToken,
      TELEGRAM_WEBHOOK_SECRET: MIX_SEED.telegramSecret,
      TELEGRAM_API_ROOT: api,
      TELEGRAM_BOT_USERNAME: 'test_bot',
    },
    teams: { NODE_ENV: 'test', TEAMS_ENABLED: 'true' },
    slack: { SLACK_SIGNING_SECRET: MIX_SEED.slackSigningSecret, SLACK_BOT_TOKEN: MIX_SEED.slackToken, SLACK_API_URL: api },
  };
  const PLATFORM = { telegram: 'TELEGRAM', teams: 'TEAMS', slack: 'SLACK' } as const;
  const endorse = await startBenchApp(database, env[platform]);
  const started = performance.now();
  const base = await seedCandidates(endorse.database.sql, MIX_SEED_SPEC);
  const identities = Array.from({ length: PEOPLE }, (_, k) => {
    const who = identityOf(platform, k, api);
    return {
      userId: personOf(k).userId,
      platform: PLATFORM[platform],
      workspaceId: who.workspaceId,
      platformUserId: who.platformUserId,
      address: who.address,
    };
  });
  await endorse.database.prisma.chatIdentity.createMany({ data: identities });
  const recruiter = await endorse.database.prisma.user.findUniqueOrThrow({ where: { id: base.recruiterId } });
  const key = await endorse.services.createApiKey(SYSTEM_ACTOR, {
    name: 'bench:mix ATS',
    scope: 'RECRUITER',
    userEmail: recruiter.email,
  });
  const seedMs = performance.now() - started;
  await endorse.stop();
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${database}`;
  reportReady({ apiKey: key.key, seedMs, env: benchAppEnv(url.toString(), env[platform]) });
}

/**
 * `npm run teams:manifest`: writes manifests/teams/manifest.json, the Teams app manifest (schema
 * v1.17), with the bot's command list generated from the engine's commands. `--check` exits 1 when
 * the file is out of date instead (CI). The app id and bot id stay placeholders here:
 * `npm run teams:package` puts MICROSOFT_APP_ID in the packaged copy.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { toTeamsCommands } from '../adapters/teams/commands';
import { commands } from '../src/engine/commands';

export const MANIFEST_DIR = path.resolve(__dirname, '../manifests/teams');
export const MANIFEST_PATH = path.join(MANIFEST_DIR, 'manifest.json');
export const SCHEMA_PATH = path.join(MANIFEST_DIR, 'schema/MicrosoftTeams.v1.17.schema.json');
/** Replaced by MICROSOFT_APP_ID when packaging. */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

export function buildManifest(): Record<string, unknown> {
  return {
    $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json',
    manifestVersion: '1.17',
    version: '1.0.0',
    id: PLACEHOLDER_APP_ID,
    developer: {
      name: 'Endorse',
      websiteUrl: 'https://endorse.example.com',
      privacyUrl: 'https://endorse.example.com/privacy',
      termsOfUseUrl: 'https://endorse.example.com/terms',
    },
    name: { short: 'Endorse', full: 'Endorse — agency portal' },
    description: {
      short: 'Submit candidates to the employer and follow them, from chat.',
      full:
        'Endorse is the agency portal of our recruiting system. Submit (endorse) candidates with their resume, get the ' +
        'duplicate check at once, browse My Candidates and the Agency Pool, read and answer recruiter comments, and ' +
        'manage your agency’s users — all in a personal chat with the bot. Access is by invitation: send `link <code>` ' +
        'from your invitation email to start.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#4464EE',
    bots: [
      {
        botId: PLACEHOLDER_APP_ID,
        // Files reach a bot only in personal chat, and that is where agency users work with it.
        scopes: ['personal'],
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [{ scopes: ['personal'], commands: toTeamsCommands(commands) }],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [],
  };
}

export const manifestText = (): string => `${JSON.stringify(buildManifest(), null, 2)}\n`;

/** Compared as data, not text: a formatter may lay the JSON out differently. */
export const manifestIsCurrent = (): boolean =>
  isDeepStrictEqual(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')), buildManifest());

function main(): void {
  const expected = manifestText();
  if (process.argv.includes('--check')) {
    if (!manifestIsCurrent()) {
      console.error(`${MANIFEST_PATH} is out of date: run npm run teams:manifest`);
      process.exit(1);
    }
    console.log('manifests/teams/manifest.json is up to date');
    return;
  }
  writeFileSync(MANIFEST_PATH, expected);
  console.log(`wrote ${MANIFEST_PATH}`);
}

if (require.main === module) main();

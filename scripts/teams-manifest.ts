/**
 * `npm run teams:manifest`: writes manifests/teams/manifest.json, the Teams app manifest (schema
 * v1.17), with the bot's command list generated from the engine's commands. `--check` exits 1 when
 * the file is out of date instead (CI). The app id and bot id stay placeholders here:
 * `npm run teams:package` puts MICROSOFT_APP_ID in the packaged copy.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { toTeamsCommands } from '../adapters/teams/commands';
import { commands, commandsIn } from '../src/engine/commands';
import { t } from '../src/i18n';

export const MANIFEST_DIR = path.resolve(__dirname, '../manifests/teams');
export const MANIFEST_PATH = path.join(MANIFEST_DIR, 'manifest.json');
export const SCHEMA_PATH = path.join(MANIFEST_DIR, 'schema/MicrosoftTeams.v1.17.schema.json');
/** Replaced by MICROSOFT_APP_ID when packaging. */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

/** Our languages as Teams language tags, each with its localization file beside manifest.json. */
export const TEAMS_LANGUAGES: Record<string, string> = { es: 'es', 'pt-BR': 'pt-br', fil: 'fil' };
export const localizationFile = (tag: string): string => `${tag}.json`;

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
    name: { short: 'Endorse', full: t('en', 'app.name.full') },
    description: { short: t('en', 'app.description.short'), full: t('en', 'app.description.full') },
    localizationInfo: {
      defaultLanguageTag: 'en-us',
      additionalLanguages: Object.values(TEAMS_LANGUAGES).map((tag) => ({ languageTag: tag, file: localizationFile(tag) })),
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

/**
 * A Teams localization file: the app's name and description and the command menu's descriptions in
 * `language` (titles are command words and stay as they are).
 */
export function buildLocalization(language: string): Record<string, string> {
  const file: Record<string, string> = {
    $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json',
    'name.short': 'Endorse',
    'name.full': t(language, 'app.name.full'),
    'description.short': t(language, 'app.description.short'),
    'description.full': t(language, 'app.description.full'),
  };
  toTeamsCommands(commandsIn(language)).forEach((c, i) => {
    file[`bots[0].commandLists[0].commands[${i}].description`] = c.description;
  });
  return file;
}

export const manifestText = (): string => `${JSON.stringify(buildManifest(), null, 2)}\n`;
const localizations = () =>
  Object.entries(TEAMS_LANGUAGES).map(([language, tag]) => ({
    path: path.join(MANIFEST_DIR, localizationFile(tag)),
    data: buildLocalization(language),
  }));
/** The localization files as packaged beside manifest.json. */
export const localizationFiles = (): { name: string; text: string }[] =>
  localizations().map((l) => ({ name: path.basename(l.path), text: `${JSON.stringify(l.data, null, 2)}\n` }));

/** Compared as data, not text: a formatter may lay the JSON out differently. */
export const manifestIsCurrent = (): boolean =>
  isDeepStrictEqual(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')), buildManifest()) &&
  localizations().every((l) => existsSync(l.path) && isDeepStrictEqual(JSON.parse(readFileSync(l.path, 'utf8')), l.data));

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
  for (const file of localizationFiles()) {
    writeFileSync(path.join(MANIFEST_DIR, file.name), file.text);
    console.log(`wrote ${path.join(MANIFEST_DIR, file.name)}`);
  }
}

if (require.main === module) main();

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { COMMANDS_MAX, toTeamsCommands } from '../../../../adapters/teams/commands';
import { commands } from '../../../../src/engine/commands';
import { packagedManifest, validateManifest } from '../../../../scripts/teams-package';
import {
  buildLocalization,
  buildManifest,
  MANIFEST_DIR,
  MANIFEST_PATH,
  TEAMS_LANGUAGES,
} from '../../../../scripts/teams-manifest';
import { pngInfo } from '../../../../scripts/teams-png';
import { writeZip } from '../../../../scripts/teams-zip';

type Manifest = {
  manifestVersion: string;
  bots: { botId: string; supportsFiles: boolean; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
};
const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Manifest;

describe('Teams app manifest', () => {
  it('validates against the vendored Teams JSON schema (v1.17)', () => {
    expect(manifest.manifestVersion).toBe('1.17');
    expect(validateManifest(manifest)).toEqual([]);
    expect(
      validateManifest(packagedManifest({ appId: '11111111-2222-3333-4444-555555555555', publicUrl: 'https://e.example' })),
    ).toEqual([]);
  });

  it('the schema check has teeth', () => {
    const broken = { ...buildManifest(), id: 'not-a-guid' };
    expect(validateManifest(broken).join('\n')).toMatch(/\/id/);
    const tooMany = buildManifest() as unknown as Manifest;
    const list = tooMany.bots[0]?.commandLists[0];
    if (list) list.commands = Array.from({ length: 11 }, (_, i) => ({ title: `c${i}`, description: 'x' }));
    expect(validateManifest(tooMany).length).toBeGreaterThan(0);
  });

  it('is in sync with the engine’s commands (npm run teams:manifest)', () => {
    expect(manifest).toEqual(buildManifest());
    const bot = manifest.bots[0];
    expect(bot).toMatchObject({ supportsFiles: true, scopes: ['personal'] });
    const titles = bot?.commandLists[0]?.commands.map((c) => c.title) ?? [];
    expect(titles).toEqual(toTeamsCommands(commands).map((c) => c.title));
    expect(titles.length).toBe(COMMANDS_MAX);
    expect(titles).toEqual(expect.arrayContaining(['help', 'submit', 'candidates', 'link']));
    const engineWords = new Set(commands.flatMap((c) => [c.name, ...c.aliases]));
    for (const title of titles) expect(engineWords.has(title)).toBe(true);
  });

  it.each(Object.entries(TEAMS_LANGUAGES))('has a %s localization file in sync, describing every command', (language, tag) => {
    const file = JSON.parse(readFileSync(path.join(MANIFEST_DIR, `${tag}.json`), 'utf8')) as Record<string, string>;
    expect(file).toEqual(buildLocalization(language));
    const english = buildLocalization('en');
    const descriptions = Object.keys(file).filter((k) => k.endsWith('.description'));
    expect(descriptions).toHaveLength(COMMANDS_MAX);
    // Translated, not copied: every command description differs from the English one.
    expect(descriptions.filter((k) => file[k] === english[k])).toEqual([]);
    expect(file['description.short']!.length).toBeLessThanOrEqual(80);
  });
});

/** Decodes an 8-bit RGBA PNG written without filters (what scripts/teams-png writes). */
function pixels(png: Buffer): Buffer {
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(chunks));
}

describe('Teams app icons', () => {
  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    const color = readFileSync(path.join(MANIFEST_DIR, 'color.png'));
    const outline = readFileSync(path.join(MANIFEST_DIR, 'outline.png'));
    expect(pngInfo(color)).toEqual({ width: 192, height: 192, colorType: 6 });
    expect(pngInfo(outline)).toEqual({ width: 32, height: 32, colorType: 6 });
    const raw = pixels(outline);
    let white = 0;
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++) {
        const at = y * (32 * 4 + 1) + 1 + x * 4;
        const [r, g, b, a] = raw.subarray(at, at + 4);
        if (a === 0) continue;
        expect([r, g, b, a]).toEqual([255, 255, 255, 255]);
        white++;
      }
    expect(white).toBeGreaterThan(50);
  });
});

describe('Teams package zip', () => {
  it('writes a ZIP whose entries inflate back to the inputs', () => {
    const entries = [
      { name: 'manifest.json', data: Buffer.from('{"a":1}') },
      { name: 'color.png', data: Buffer.alloc(1000, 7) },
    ];
    const zip = writeZip(entries);
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    expect(zip.readUInt16LE(end + 10)).toBe(2);
    let at = 0;
    for (const entry of entries) {
      expect(zip.readUInt32LE(at)).toBe(0x04034b50);
      const size = zip.readUInt32LE(at + 18);
      const nameLength = zip.readUInt16LE(at + 26);
      expect(zip.toString('utf8', at + 30, at + 30 + nameLength)).toBe(entry.name);
      const data = inflateRawSync(zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size));
      expect(data.equals(entry.data)).toBe(true);
      at += 30 + nameLength + size;
    }
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The layering of DESIGN §3 and STYLE.md §2, checked by reading the imports: a breach fails here
 * rather than in review.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  return readdirSync(full).flatMap((name) => {
    const file = path.join(full, name);
    if (name === 'generated' || name === 'node_modules' || name === 'public') return [];
    if (statSync(file).isDirectory()) return sourceFiles(path.relative(ROOT, file));
    return name.endsWith('.ts') ? [path.relative(ROOT, file)] : [];
  });
}

const FILES = [...sourceFiles('src'), ...sourceFiles('adapters')];
const importsOf = (file: string): string[] =>
  [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');
const offenders = (files: string[], bad: (specifier: string) => boolean) =>
  files.flatMap((file) =>
    importsOf(file)
      .filter(bad)
      .map((specifier) => `${file} imports ${specifier}`),
  );

const PLATFORM_SDK = /^(@slack\/|botbuilder|botframework-|grammy|@grammyjs\/)/;
const platformOf = (file: string) => /^adapters\/([^/]+)\//.exec(file)?.[1];

test('a platform SDK is imported only inside its own adapter folder', () => {
  const sdkFolder = (specifier: string) =>
    specifier.startsWith('@slack/') ? 'slack' : /^(botbuilder|botframework-)/.test(specifier) ? 'teams' : 'telegram';
  const breaches = FILES.flatMap((file) =>
    importsOf(file)
      .filter((s) => PLATFORM_SDK.test(s) && platformOf(file) !== sdkFolder(s))
      .map((s) => `${file} imports ${s}`),
  );
  expect(breaches).toEqual([]);
});

test('express is imported only by src/http and the adapters', () => {
  const allowed = (file: string) => file.startsWith('src/http/') || file.startsWith('adapters/');
  expect(
    offenders(
      FILES.filter((f) => !allowed(f)),
      (s) => s === 'express',
    ),
  ).toEqual([]);
});

test('the engine, the services and the domain never import an adapter', () => {
  const core = FILES.filter((f) => /^src\/(engine|services|domain)\//.test(f));
  expect(offenders(core, (s) => s.includes('adapters/'))).toEqual([]);
});

test('the domain is pure: no database, no I/O modules', () => {
  const domain = FILES.filter((f) => f.startsWith('src/domain/'));
  expect(offenders(domain, (s) => /generated\/prisma|\/db\/|^node:(fs|net|http|child_process)/.test(s))).toEqual([]);
});

test('adapters reach the database only through services', () => {
  const adapters = FILES.filter((f) => f.startsWith('adapters/'));
  expect(offenders(adapters, (s) => /generated\/prisma|src\/db\/|^pg$|^@prisma\//.test(s))).toEqual([]);
});

test('only src/config.ts reads process.env', () => {
  const readers = FILES.filter((f) => f !== 'src/config.ts' && /process\.env/.test(readFileSync(path.join(ROOT, f), 'utf8')));
  expect(readers).toEqual([]);
});

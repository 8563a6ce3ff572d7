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

test('prom-client is imported only by src/metrics/prometheus.ts: the rest counts through the Metrics interface', () => {
  expect(
    offenders(
      FILES.filter((f) => f !== 'src/metrics/prometheus.ts'),
      (s) => s === 'prom-client',
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

/** The file a relative specifier names (`./x` → `x.ts` or `x/index.ts`), or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.normalize(path.join(path.dirname(from), specifier));
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => FILES.includes(candidate)) ?? null;
}

const localImports = (file: string): string[] => importsOf(file).flatMap((s) => resolveImport(file, s) ?? []);

/** Every import cycle among `files`, each as the list of files on it (Tarjan's strongly connected components). */
function importCycles(files: string[], targetsOf: (file: string) => string[] = localImports): string[][] {
  const edges = new Map(files.map((f) => [f, targetsOf(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === file) break;
    }
    const selfImport = edges.get(file)?.includes(file) ?? false;
    if (component.length > 1 || selfImport) cycles.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}

test('no import cycles in src/ and adapters/ (the same check as `npx madge --circular --extensions ts src adapters`)', () => {
  expect(importCycles(FILES)).toEqual([]);
});

test('the cycle check reports a cycle, however long, and nothing else', () => {
  const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a', 'd'], d: [], e: ['e'] };
  expect(importCycles(Object.keys(graph), (f) => graph[f] ?? [])).toEqual([['a', 'b', 'c'], ['e']]);
});

test('the inbound pipeline exists once: no adapter calls the engine or holds an HTTP route of its own for events', () => {
  const adapters = FILES.filter((f) => f.startsWith('adapters/'));
  const callers = adapters.filter((f) => /\bengine\.handle\(|\.handle\(event/.test(readFileSync(path.join(ROOT, f), 'utf8')));
  expect(callers).toEqual([]);
  expect(offenders(adapters, (s) => /src\/engine\/(engine|index|router)$|src\/engine$/.test(s))).toEqual([]);
});

test('an adapter folder exports one factory from index.ts, and nothing in it imports index.ts back', () => {
  const platforms = [...new Set(FILES.map(platformOf).filter((p): p is string => p !== undefined && p !== 'shared'))];
  for (const platform of platforms) {
    const index = `adapters/${platform}/index.ts`;
    const source = readFileSync(path.join(ROOT, index), 'utf8');
    const values = [...source.matchAll(/^export (?:async )?(?:function|const|class) (\w+)/gm)].map((m) => m[1]);
    expect({ index, values }).toEqual({ index, values: [expect.stringMatching(/^create\w+Adapter$/)] });
    expect(source).not.toMatch(/^export \* from|^export \{[^}]*\} from/m);
    const importers = FILES.filter((f) => f.startsWith(`adapters/${platform}/`) && f !== index).filter((f) =>
      importsOf(f).some((s) => resolveImport(f, s) === index),
    );
    expect({ index, importers }).toEqual({ index, importers: [] });
  }
});

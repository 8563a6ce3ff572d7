import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuilt, ROOT, runCompiledCli, startProductionServer } from '../support/production-server';
import { createPostgresDatabase } from '../support/postgres-database';

/**
 * Issue 16: production runs the compiled build with plain `node` — the server (through `npm
 * start`, the README's command), the worker and the admin CLI — and a SIGTERM sent to npm
 * reaches the server, which stops; nothing of it needs tsx.
 */
beforeAll(() => ensureBuilt(), 300_000);

function compiledFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? compiledFiles(file) : file.endsWith('.js') ? [file] : [];
  });
}

test('the build loads nothing of TypeScript at run time', () => {
  const offenders = compiledFiles(path.join(ROOT, 'dist')).filter((file) =>
    /require\("(tsx|ts-node|typescript)[/"]/.test(readFileSync(file, 'utf8')),
  );
  expect(offenders).toEqual([]);
});

test('npm start on a bare machine serves from dist/ (assets and migrations included), and SIGTERM to npm stops the server', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'endorse-build-'));
  try {
    const server = await startProductionServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, { viaNpm: true });
    expect(await (await fetch(`${server.baseUrl}/healthz`)).json()).toMatchObject({ ok: true, database: { kind: 'embedded' } });
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    const script = await fetch(`${server.baseUrl}/chat/assets/chat.js`);
    expect(script.status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // npm is gone and so is the server it ran: the port no longer answers.
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();

    // The compiled CLI, on the database the server left.
    const listed = runCompiledCli('admin', ['agency', 'list'], { DATA_DIR: dataDir });
    expect(listed.stdout).toContain('Bright Staffing');
    expect(runCompiledCli('migrate', [], { DATA_DIR: dataDir }).stdout).toContain('Database is up to date');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);

test('the worker runs from dist/ with plain node and stops on SIGTERM', async () => {
  const database = await createPostgresDatabase();
  try {
    const worker = await startProductionServer(
      { DATABASE_URL: database.url, LOG_LEVEL: 'info', DEMO_SEED: 'off' },
      { args: ['--worker'], readyText: 'worker started' },
    );
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  } finally {
    await database.drop();
  }
}, 120_000);

import { fork } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { migrate } from './migrate';
import { pgliteRunner, startPglite } from './pglite';

/**
 * Creates the embedded database in `pgdata` (PGlite's initdb, then the migrations) in a child
 * process of its own, and returns the migrations it applied.
 *
 * Why a process: initdb runs a second, throw-away PGlite and copies the new cluster through
 * memory as a tar archive; with the migrations' DDL, the first start's resident set peaks near
 * 780 MB. Freed, that memory stays in the C allocator's heap for good, so a first `npm start`
 * idled at 350-400 MB against 230 MB for every later start of the same folder (bench:memory).
 * A child gives all of it back when it exits; the server then opens the ready folder.
 *
 * The child builds the cluster under `<pgdata>.creating` and the folder gets its name only once
 * the cluster is complete, so a first start that fails leaves no half-made database behind.
 */
export async function createEmbeddedApart(pgdata: string): Promise<string[]> {
  const partial = `${pgdata}.creating`;
  rmSync(partial, { recursive: true, force: true });
  const child = fork(__filename, [partial], { execArgv: loaderArgs(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const applied = await new Promise<string[]>((resolve, reject) => {
    let result: string[] | undefined;
    child.on('message', (message) => (result = (message as { applied: string[] }).applied));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0 && result) resolve(result);
      else
        reject(
          new Error(
            `Creating the embedded database in ${pgdata} failed (${signal ?? `exit code ${code}`}; its output is above). ` +
              'Check that the folder is writable and the disk has space, then start again, or set DATABASE_URL to a PostgreSQL server.',
          ),
        );
    });
  });
  renameSync(partial, pgdata);
  return applied;
}

/** Compiled, the child is plain node; from the sources (tsx, jest) it needs tsx's loader to run TypeScript. */
function loaderArgs(): string[] {
  return __filename.endsWith('.ts') ? ['--import', pathToFileURL(require.resolve('tsx')).href] : [];
}

/** The child: create, migrate, close (PGlite writes everything out), report, exit. */
async function createHere(pgdata: string): Promise<void> {
  const pglite = await startPglite(pgdata);
  const { applied } = await migrate(pgliteRunner(pglite));
  await pglite.close();
  await new Promise<void>((resolve, reject) =>
    process.send ? process.send({ applied }, (error: Error | null) => (error ? reject(error) : resolve())) : resolve(),
  );
}

if (require.main === module) {
  // The server stopped waiting (it was stopped or died): nobody will open this cluster.
  process.once('disconnect', () => process.exit(1));
  createHere(process.argv[2] ?? '').then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`Creating the embedded database failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}

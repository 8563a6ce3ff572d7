import { runAdminCommand } from '../../../src/cli/admin-commands';
import { openApiWorld, type ApiWorld } from './fixtures';

/** `npm run admin -- apikey create|list|revoke`: the key is printed once, works, and stops working when revoked. */
let w: ApiWorld;
beforeAll(async () => {
  w = await openApiWorld();
});
afterAll(() => w.close());

const run = async (...argv: string[]) => {
  const lines: string[] = [];
  await runAdminCommand(w.env.services, argv, (line) => lines.push(line));
  return lines;
};

test('create prints the key once; revoke turns it off at once', async () => {
  const created = await run('apikey', 'create', 'Greenhouse', 'sync', '--scope', 'recruiter', '--user', w.recruiterEmail);
  const key = created.at(-1) ?? '';
  expect(key).toMatch(/^ek_[A-Za-z0-9_-]{43}$/);
  const id = /id ([0-9a-f-]{36})/.exec(created[0] ?? '')?.[1] ?? '';
  expect((await w.api.call('get', '/campaigns', { key })).status).toBe(200);

  const listed = (await run('apikey', 'list')).join('\n');
  expect(listed).toContain('Greenhouse sync');
  expect(listed).not.toContain(key);

  expect(await run('apikey', 'revoke', id)).toEqual([`Revoked API key Greenhouse sync (${id}).`]);
  expect((await w.api.call('get', '/campaigns', { key })).status).toBe(401);
});

test('a key needs a scope', async () => {
  await expect(run('apikey', 'create', 'No scope')).rejects.toThrow(/--scope/);
});

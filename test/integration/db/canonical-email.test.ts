import { canonicalEmail, nearDuplicateKey } from '../../../src/domain/contact';
import { openTestEnv, type TestEnv } from '../../support/services';

/**
 * The canonical email exists twice: canonicalEmail() keys the submission's locks and its match,
 * and the database's endorse_canonical_email() generates the column that is matched (migration
 * 20261130100000). They must agree on every address, or a variant would slip past the check.
 */
let env: TestEnv;
beforeAll(async () => {
  env = await openTestEnv();
});
afterAll(() => env.close());

const SAMPLES = [
  'jane@gmail.com',
  'jane.doe@gmail.com',
  'j.a.n.e.d.o.e+jobs+more@gmail.com',
  'jane.doe+x@googlemail.com',
  '+tag@gmail.com',
  '...@gmail.com',
  '.+x@googlemail.com',
  'jane.doe+jobs@example.com',
  'jane.doe@gmail.com.ph',
  'jane.doe@mail.gmail.com',
  'ñoño.pérez+x@gmail.com',
  'a.b@outlook.com',
];

test('the database and canonicalEmail() read every sample alike', async () => {
  const rows = await env.deps.sql.query<{ email: string; key: string; local: string }>(
    `SELECT e AS "email", endorse_canonical_email(e) AS "key", split_part(endorse_canonical_email(e), '@', 1) AS "local"
     FROM unnest($1::text[]) AS e`,
    [SAMPLES],
  );
  expect(rows.map((r) => [r.email, r.key])).toEqual(SAMPLES.map((e) => [e, canonicalEmail(e)]));
  const names = { firstName: 'A', lastName: 'B', phone: '+639171234567' };
  expect(rows.map((r) => r.local)).toEqual(SAMPLES.map((email) => nearDuplicateKey({ ...names, email }).emailLocal));
});

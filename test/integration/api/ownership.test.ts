import { runAdminCommand } from '../../../src/cli/admin-commands';
import { ownershipOf } from '../../../src/domain/duplicates';
import { uniquePhone, unique } from '../../support/services';
import { openApiWorld, type ApiWorld } from './fixtures';

/**
 * Issue 19 through the REST API, whose keys are the employer's: a candidate says which agency holds
 * them until when and whether agencies are told that end; possible duplicates are listed; the
 * duplicate rule takes showOwnershipEnd.
 */
let w: ApiWorld;
let campaignId: string;
beforeAll(async () => {
  w = await openApiWorld();
  campaignId = (await w.env.services.createCampaign(w.f.ownerId, { name: unique('API ownership') })).id;
});
afterAll(() => w.close());

async function submit(userId: string, over: { lastName: string; phone?: string }) {
  const r = await w.env.services.submitCandidate(userId, {
    firstName: 'Rosa',
    lastName: over.lastName,
    phone: over.phone ?? uniquePhone(),
    email: `${unique('rosa')}@example.com`,
    campaignId,
    channel: 'WEB',
  });
  if (r.outcome !== 'ADDED') throw new Error(r.outcome);
  return r.candidateRef;
}

interface Profile {
  ownership: { agency: string; until: string; endShownToAgencies: boolean };
  possibleDuplicates: number[];
}

const profile = async (ref: number): Promise<Profile> => {
  const response = await w.api.call('get', `/candidates/C-${ref}`, { key: w.keys.recruiter });
  expect(response.status).toBe(200);
  return (await response.json()) as Profile;
};

test('a candidate says which agency holds them, until when, and whether agencies are told', async () => {
  const agency = await w.env.deps.db.agency.findUniqueOrThrow({ where: { id: w.f.agencyA } });
  const ref = await submit(w.f.userA, { lastName: unique('Held') });
  const candidate = await w.env.deps.db.candidate.findFirstOrThrow({ where: { ref } });
  const { until } = ownershipOf(candidate, 6);
  expect((await profile(ref)).ownership).toEqual({ agency: agency.name, until: until.toISOString(), endShownToAgencies: true });
});

test('the rule’s showOwnershipEnd is set through the API, and defaults to shown', async () => {
  const rule = { windowMonths: 6, matchOn: 'EITHER', crossAgency: 'FLAG', sameAgency: 'FLAG' };
  const hidden = await w.api.call('put', `/duplicate-rules/${campaignId}`, {
    key: w.keys.owner,
    body: { ...rule, showOwnershipEnd: false },
  });
  expect(hidden.status).toBe(200);
  expect(await hidden.json()).toEqual({ ...rule, showOwnershipEnd: false, directApplicant: 'FLAG' });
  const ref = await submit(w.f.userA, { lastName: unique('Held') });
  expect((await profile(ref)).ownership.endShownToAgencies).toBe(false);

  const reset = await w.api.call('put', `/duplicate-rules/${campaignId}`, { key: w.keys.owner, body: rule });
  expect(await reset.json()).toEqual({ ...rule, showOwnershipEnd: true, directApplicant: 'FLAG' });
  expect((await profile(ref)).ownership.endShownToAgencies).toBe(true);
});

test('possible duplicates are in the candidate and its list row', async () => {
  const lastName = unique('Near');
  const phone = uniquePhone();
  const earlier = await submit(w.f.userA, { lastName, phone });
  w.env.clock.advance(1000); // the list is newest first
  const later = await submit(w.f.userB, { lastName, phone: `+1212${phone.slice(-7)}` });
  expect((await profile(later)).possibleDuplicates).toEqual([earlier]);
  expect((await profile(earlier)).possibleDuplicates).toEqual([later]);

  const list = await w.api.call('get', `/candidates?search=${encodeURIComponent(lastName)}`, { key: w.keys.recruiter });
  const rows = ((await list.json()) as { rows: { candidateRef: number; possibleDuplicateOf: number | null }[] }).rows;
  expect(rows.map((r) => [r.candidateRef, r.possibleDuplicateOf])).toEqual([
    [later, earlier],
    [earlier, null],
  ]);
});

test('the CLI sets it with --ownership shown|hidden and refuses another word', async () => {
  const campaign = await w.env.deps.db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
  const lines: string[] = [];
  const run = (...argv: string[]) => runAdminCommand(w.env.services, argv, (line) => lines.push(line));
  await run('rule', 'set', '--campaign', campaign.name, '--ownership', 'hidden');
  expect(lines.at(-1)).toContain('"showOwnershipEnd":false');
  const rule = () => w.env.deps.db.duplicateRule.findUniqueOrThrow({ where: { scope: campaignId } });
  expect((await rule()).showOwnershipEnd).toBe(false);
  await expect(run('rule', 'set', '--campaign', campaign.name, '--ownership', 'maybe')).rejects.toThrow(
    '--ownership must be one of shown, hidden.',
  );
  await run('rule', 'set', '--campaign', campaign.name);
  expect((await rule()).showOwnershipEnd).toBe(true);
});

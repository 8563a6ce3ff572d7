import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { closeResumeReader } from '../../../src/resume/read-resume';
import { buildDocxBomb, buildTextPdf } from '../../unit/resume/build-files';
import { chat, fakeChannel, linkIdentity, openEngineEnv, render, type EngineEnv } from '../../support/engine';
import { createUser, seedFixture, unique, uniquePhone, type Fixture } from '../../support/services';

jest.setTimeout(60_000);

const JOHN_DOE = readFileSync('/work/shared/fixtures/resumes/rendercv__John_Doe_ClassicTheme_CV.pdf');
const SCAN = readFileSync('/work/shared/fixtures/resumes-wide/scanned__reactive-resume-azurill-image-only.pdf');
const PHOTO = readFileSync('/work/shared/fixtures/resumes-wide/photo__john_doe-phone-photo.jpg');

let ee: EngineEnv;
let f: Fixture;
let campaignName: string;

beforeAll(async () => {
  ee = await openEngineEnv();
  f = await seedFixture(ee.env);
  campaignName = (await ee.env.deps.db.campaign.findUniqueOrThrow({ where: { id: f.campaignId } })).name;
  // The fixture's John Doe would be a duplicate of himself across tests: keep each run's email apart.
  await ee.env.deps.db.candidate.deleteMany({ where: { email: 'john.doe@email.com', submissions: { none: {} } } });
});
afterAll(async () => {
  await ee.close();
  await closeResumeReader();
});

const proactive = (from: number) => ee.channel.sent.slice(from).map((s) => render(s.message));

test('a resume sent first pre-fills name and email; only the phone and the campaign are asked', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  const before = ee.channel.sent.length;
  expect(await c.file('John_Doe_CV.pdf', JOHN_DOE)).toEqual(['Reading the resume… I will show you what I found in a moment.']);
  await ee.queue.idle();

  const [found, question] = proactive(before);
  expect(found).toBe(
    'I read John_Doe_CV.pdf:\nName: John Doe\nEmail: john.doe@email.com\nPhone: not found\nIf something is wrong, press Edit on the summary to change it.',
  );
  expect(question).toContain('phone number, with the country code');
  expect(ee.channel.sent[before]?.address).toEqual({ conversationId: c.conversationId, user: c.identity.platformUserId });

  const phone = uniquePhone();
  expect(await c.say(phone)).toEqual([expect.stringContaining('Which campaign')]);
  const [summary] = await c.press(campaignName);
  expect(summary).toContain('First name: John');
  expect(summary).toContain('Last name: Doe');
  expect(summary).toContain('Email: john.doe@email.com');
  expect(summary).toContain('Resume: John_Doe_CV.pdf');
  expect((await c.press('Confirm'))[0]).toMatch(/^(✅ New Candidate|⚠️ Previously Submitted)/);

  const submission = await ee.env.deps.db.submission.findFirstOrThrow({ where: { phone }, include: { candidate: true } });
  expect(submission.resumeFileId).toEqual(expect.any(String));
  const file = await ee.env.deps.db.storedFile.findUniqueOrThrow({ where: { id: submission.resumeFileId ?? '' } });
  expect(file).toMatchObject({ filename: 'John_Doe_CV.pdf', contentType: 'application/pdf', size: JOHN_DOE.length });
  if (submission.outcome === 'ADDED') {
    expect(submission.candidate?.resumeFileId).toBe(file.id);
    expect(submission.candidate?.resumeExperience).toContain('Nexus AI');
    expect(submission.candidate?.educationSummary).toContain('Princeton University');
  }
});

test('a resume at the resume step goes straight to the summary when read', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  await c.say('submit');
  await c.say(`Maria Santos ${uniquePhone()} ${unique('maria')}@example.com`);
  await c.press(campaignName);
  const before = ee.channel.sent.length;
  await c.file('cv.pdf', JOHN_DOE);
  await ee.queue.idle();
  const [found, summary] = proactive(before);
  expect(found).toContain('Name: John Doe');
  // What the user typed wins over what the resume says, and the difference is said before confirming.
  expect(found).toContain('The resume says name “John Doe”, but you typed “Maria Santos”: I kept what you typed.');
  expect(found).toMatch(/The resume says email “john\.doe@email\.com”, but you typed “maria-/);
  expect(summary).toContain('First name: Maria');
  expect(summary).toContain('Resume: cv.pdf');
  await c.say('cancel');
});

test('a bad resume (random bytes named x.pdf) gives a clear message and the submission completes', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  await c.say('submit');
  const phone = uniquePhone();
  await c.say(`Jane Dela Cruz ${phone} ${unique('bad')}@example.com`);
  await c.press(campaignName);
  const files = await ee.env.deps.db.storedFile.count();
  const before = ee.channel.sent.length;
  expect(await c.file('x.pdf', randomBytes(4096))).toEqual([expect.stringContaining('Reading the resume')]);
  await ee.queue.idle();
  const [message, summary] = proactive(before);
  expect(message).toBe(
    'That file is not a PDF, a Word (DOCX) document or a picture (JPEG, PNG), so I could not read it. The submission goes on without resume details.',
  );
  expect(summary).toContain('Resume: x.pdf (could not be read; not attached)');
  expect(await ee.env.deps.db.storedFile.count()).toBe(files);
  c.last = ee.channel.sent.slice(-1).map((s) => s.message);
  expect((await c.press('Confirm'))[0]).toMatch(/^✅ New Candidate/);
  const submission = await ee.env.deps.db.submission.findFirstOrThrow({ where: { phone } });
  expect(submission.resumeFileId).toBeNull();
});

test('a DOCX zip bomb: the user is told, the server keeps its memory, and the next resume is read', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  const bomb = await buildDocxBomb(600, 'lying');
  await c.file('John.pdf', JOHN_DOE);
  await ee.queue.idle();
  const rssBefore = process.memoryUsage().rss;
  const before = ee.channel.sent.length;
  expect(await c.file('cv.docx', bomb)).toEqual([expect.stringContaining('Reading the resume')]);
  await ee.queue.idle();
  expect(proactive(before)[0]).toBe(
    'That file unpacks to far more than a resume could hold, so I did not read it. The submission goes on without resume details; you can send the resume as a PDF.',
  );
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  const after = ee.channel.sent.length;
  await c.file('John.pdf', JOHN_DOE);
  await ee.queue.idle();
  expect(proactive(after)[0]).toContain('Name: John Doe');
  await c.say('cancel');
});

test('a scanned PDF and a phone photo are read by OCR, and the user is asked to check the fields', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  const before = ee.channel.sent.length;
  await c.file('scan.pdf', SCAN);
  await ee.queue.idle();
  const [progress, found] = proactive(before);
  expect(progress).toBe(
    'That is a picture (a scan or a photo), so I am reading it letter by letter: this takes a little longer, up to a minute.',
  );
  expect(found).toMatch(
    /^I read scan\.pdf from a picture \(a scan or a photo\), so some details may be misread: please check each field below\./,
  );
  expect(found).toContain('Name: John Doe');
  expect(found).toContain('Email: john.doe@gmail.com');

  const next = ee.channel.sent.length;
  await c.file('photo.jpg', PHOTO);
  await ee.queue.idle();
  const [, fromPhoto] = proactive(next);
  expect(fromPhoto).toMatch(/^I read photo\.jpg from a picture/);
  // The first answer's name stays (what is filled is never overwritten); the photo's email is read.
  expect(fromPhoto).toContain('Email: john.doe@email.com');
  const stored = await ee.env.deps.db.storedFile.findFirstOrThrow({
    where: { filename: 'photo.jpg' },
    orderBy: { createdAt: 'desc' },
  });
  expect(stored.contentType).toBe('image/jpeg');
  await c.say('cancel');
});

test('a file over 10 MB is refused before download; cancel after a resume leaves no file behind', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  const huge = await c.send({ type: 'file', file: { name: 'big.pdf', ref: 'never-fetched', size: 11 * 1024 * 1024 } });
  expect(huge).toEqual([expect.stringContaining('That file is larger than 10 MB')]);

  const files = await ee.env.deps.db.storedFile.count();
  await c.file('John.pdf', JOHN_DOE);
  await ee.queue.idle();
  expect(await ee.env.deps.db.storedFile.count()).toBe(files + 1);
  expect(await c.say('cancel')).toEqual([expect.stringContaining('Cancelled. Nothing was submitted')]);
  expect(await ee.env.deps.db.storedFile.count()).toBe(files);
});

test('cancel while the resume is still being read: the job keeps nothing', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  const files = await ee.env.deps.db.storedFile.count();
  const before = ee.channel.sent.length;
  await c.file('John.pdf', JOHN_DOE);
  await c.say('cancel');
  await ee.queue.idle();
  expect(await ee.env.deps.db.storedFile.count()).toBe(files);
  expect(ee.channel.sent.length).toBe(before);
});

describe('on a channel with forms', () => {
  let fe: EngineEnv;
  beforeAll(async () => {
    fe = await openEngineEnv({ env: ee.env, channel: fakeChannel('TEAMS', { forms: true }) });
  });
  afterAll(() => fe.close());

  test('submit offers the form; a complete form goes to the summary, a bad field is asked again', async () => {
    const c = chat(fe, await linkIdentity(ee.env, f.userA, 'TEAMS'));
    expect(await c.say('submit')).toEqual(['FORM Submit a candidate: First name, Last name, Phone, Email, Campaign, Resume']);
    const phone = uniquePhone();
    const values = {
      firstName: 'Ana',
      lastName: 'Reyes',
      phone: '0917 000',
      email: `${unique('ana')}@example.com`,
      campaign: f.campaignId,
    };
    const replies = await c.form('submission', values);
    expect(replies[0]).toContain('has no country code');
    expect(replies[1]).toContain('phone number');
    const [summary] = await c.say(phone);
    expect(summary).toContain('First name: Ana');
    expect(summary).toContain(`Campaign: ${campaignName}`);
    expect((await c.press('Confirm'))[0]).toMatch(/^✅ New Candidate/);
  });
});

/** A one-page resume whose phone is printed the way many are: no country code. */
const localPhoneResume = (email: string) => buildTextPdf(['Ana Reyes', email, '(909) 555-5555', 'Registered nurse, 4 years']);

test('a phone printed without a country code is read with the agency’s country and shown for confirmation', async () => {
  // Agency B's country is US.
  const c = chat(ee, await linkIdentity(ee.env, f.userB));
  const before = ee.channel.sent.length;
  await c.file('ana.pdf', localPhoneResume(`${unique('ana')}@example.com`));
  await ee.queue.idle();
  const [found, question] = proactive(before);
  expect(found).toContain(
    'Phone: +1 909 555 5555 (printed without a country code; I read it with your agency’s country, United States: check it on the summary)',
  );
  expect(question).toContain('Which campaign');
  await c.say('cancel');
});

test('without an agency country the code-less phone is shown as printed and asked for, not dropped', async () => {
  const agency = await ee.env.deps.db.agency.create({ data: { name: unique('No Country Agency') }, select: { id: true } });
  const user = await createUser(ee.env, 'AGENCY_USER', agency.id);
  const c = chat(ee, await linkIdentity(ee.env, user));
  const before = ee.channel.sent.length;
  await c.file('ana.pdf', localPhoneResume(`${unique('ana')}@example.com`));
  await ee.queue.idle();
  const [found, question] = proactive(before);
  expect(found).toContain('Phone: “(909) 555-5555”, printed without a country code, so I will ask you for it');
  expect(question).toContain('phone number, with the country code');
  await c.say('cancel');
});

test('a form carrying only a resume starts the submission from it: the fields are filled from the resume', async () => {
  const c = chat(ee, await linkIdentity(ee.env, f.userA));
  const ref = `file-${unique('form')}`;
  ee.channel.files.set(ref, JOHN_DOE);
  const empty = { firstName: '', lastName: '', phone: '', email: '', campaign: '' };
  const before = ee.channel.sent.length;
  const replies = await c.send({
    type: 'form',
    formId: 'submission',
    values: empty,
    files: [{ name: 'John_Doe_CV.pdf', ref, size: JOHN_DOE.length, contentType: 'application/pdf' }],
  });
  // Nothing the resume may answer is asked while it is read.
  expect(replies).toEqual(['Reading the resume… I will show you what I found in a moment.']);
  await ee.queue.idle();
  const [found, question] = proactive(before);
  expect(found).toContain('Name: John Doe');
  expect(question).toContain('phone number, with the country code');
  await c.say('cancel');
});

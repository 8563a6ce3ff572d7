import { createChannelRegistry, createEngine, type Engine } from '../../src/engine';
import type { InboundEventInput, OutboundMessage } from '../../src/engine/messages';
import { createQueue, type JobQueue } from '../../src/jobs';
import { createLogger } from '../../src/logger';
import { messagePath } from '../support/engine';
import { createUser, openTestEnv, seedFixture, type TestEnv } from '../support/services';
import { slack, teams, telegram, web, type Driver, type Person, type StartedChannel, type WireRequest } from './drivers';

/**
 * The contract every adapter keeps with the one webhook runner (DESIGN §3, STYLE.md §10): the
 * same suite for Telegram, Slack, Teams and the web chat, each against its platform's wire format
 * and a local fake of its API, with the real engine on the test database behind it. The two
 * rules about a platform API (FORBIDDEN, 429) do not apply to the web chat, which has none.
 */
jest.setTimeout(60_000);

/** Short enough for a test, long enough for a loaded CI machine to handle `help` well inside it. */
const ANSWER_WITHIN_MS = 1_500;

let env: TestEnv;
let agencyUser: string;
let queue: JobQueue;

beforeAll(async () => {
  env = await openTestEnv();
  const f = await seedFixture(env);
  agencyUser = await createUser(env, 'AGENCY_USER', f.agencyA, 'contract');
  queue = createQueue({ logger: createLogger('silent') });
});
afterAll(async () => {
  await queue.close();
  await env.close();
});

const textReply = (value: string): OutboundMessage => ({ body: { type: 'text', text: value } });
const say = (event: InboundEventInput) => (event.payload.type === 'text' ? event.payload.text : '');

/**
 * The real engine, with two hooks a test needs that no command gives: a message whose answer is
 * three replies (their order), and a gate that holds the engine (the answer deadline).
 */
function contractEngine(real: Engine) {
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  return {
    calls: 0,
    close() {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    open: () => open(),
    async handle(event: InboundEventInput): Promise<OutboundMessage[]> {
      this.calls++;
      if (gate) await gate;
      if (say(event) === 'three replies') return [textReply('one'), textReply('two'), textReply('three')];
      if (say(event) === 'fail, please') throw new Error('a bug of ours');
      return real.handle(event);
    },
  };
}

const drivers = (): Driver[] => [telegram, slack, teams, web(env.services)];

describe.each(['telegram', 'slack', 'teams', 'web'])('the %s adapter keeps the channel contract', (name) => {
  let channel: StartedChannel;
  let engine: ReturnType<typeof contractEngine>;
  let driver: Driver;

  beforeAll(async () => {
    driver = drivers().find((d) => d.name === name) as Driver;
    const channels = createChannelRegistry();
    const logger = createLogger('silent');
    // Replies the platform will not take now go where the product sends them: the message job.
    const sendLater = messagePath({ channels, queue, logger, services: env.services });
    const real = createEngine({ services: env.services, queue, logger, channels, sendLater });
    engine = contractEngine(real);
    channel = await driver.start(
      { engine, markUnreachable: (identity) => env.services.markIdentityUnreachable(identity), sendLater },
      { answerWithinMs: ANSWER_WITHIN_MS },
    );
    channels.register(channel.adapter);
    await queue.start();
  });
  afterAll(async () => channel?.close());

  /** A person of this platform linked to an active agency user, with the address the product stores. */
  async function linkedPerson(): Promise<Person> {
    const person = channel.person();
    await channel.prepare?.(person);
    await env.deps.db.chatIdentity.create({
      data: { platform: driver.platform, ...person.identity, userId: agencyUser, address: person.address ?? {} },
    });
    return person;
  }

  const post = (req: WireRequest) => fetch(`${channel.url}${req.path}`, { method: 'POST', headers: req.headers, body: req.body });

  /** Waits (bounded, polling the fake's record) until `person` has received `count` messages. */
  async function receivedAtLeast(person: Person, count: number, timeoutMs = 15_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (channel.received(person).length < count) {
      if (Date.now() > deadline) throw new Error(`only ${channel.received(person).length} of ${count} messages arrived`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return channel.received(person);
  }

  it('round-trips its conversation address through the codec, and takes no other shape for one', () => {
    const stored = channel.person().address;
    const decoded = channel.adapter.address.decode(stored);
    expect(decoded).not.toBeNull();
    expect(channel.adapter.address.encode(decoded)).toEqual(stored);
    expect(channel.adapter.address.decode({})).toBeNull();
    expect(channel.adapter.address.decode('not an address')).toBeNull();
  });

  it('refuses a request with a signature that is not ours with 401, before the engine sees it', async () => {
    const person = await linkedPerson();
    const before = engine.calls;
    const res = await post(channel.forged(channel.text(person, 'help')));
    expect(res.status).toBe(401);
    expect(engine.calls).toBe(before);
    expect(channel.received(person)).toEqual([]);
  });

  it('refuses a verified body that is not the platform’s with 400, before the engine sees it', async () => {
    const person = await linkedPerson();
    const before = engine.calls;
    expect((await post(channel.garbage(person))).status).toBe(400);
    expect(engine.calls).toBe(before);
  });

  it('handles a redelivered message once', async () => {
    const person = await linkedPerson();
    const request = channel.text(person, 'help');
    expect((await post(request)).status).toBeLessThan(300);
    await receivedAtLeast(person, 1);
    expect((await post(request)).status).toBeLessThan(300);
    // A second `help` (a new message) is answered: once it is there, the repeat would have been too.
    await post(channel.text(person, 'help'));
    const received = await receivedAtLeast(person, 2);
    expect(received).toHaveLength(2);
  });

  it('answers 2xx when handling fails on our side, so the platform does not redeliver it forever', async () => {
    const person = await linkedPerson();
    expect((await post(channel.text(person, 'fail, please'))).status).toBeLessThan(300);
    expect(channel.received(person)).toEqual([]);
  });

  it('sends the replies of one message in order', async () => {
    const person = await linkedPerson();
    await post(channel.text(person, 'three replies'));
    expect(await receivedAtLeast(person, 3)).toEqual(['one', 'two', 'three']);
  });

  it('answers the platform within its deadline while the engine is still working, and replies after', async () => {
    const person = await linkedPerson();
    engine.close();
    try {
      const started = Date.now();
      const res = await post(channel.text(person, 'three replies'));
      expect(res.status).toBeLessThan(300);
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS + 3_000);
      expect(channel.received(person)).toEqual([]);
    } finally {
      engine.open();
    }
    expect(await receivedAtLeast(person, 3)).toEqual(['one', 'two', 'three']);
  });

  it('marks the identity unreachable when the platform refuses to deliver to the user (FORBIDDEN)', async () => {
    if (!driver.platformApi) return expect(driver.platformApi).toBe(false);
    const person = await linkedPerson();
    channel.failNextSend(person, { status: 403 });
    await post(channel.text(person, 'help'));
    const deadline = Date.now() + 15_000;
    const unreachable = async () =>
      (await env.deps.db.chatIdentity.findFirstOrThrow({ where: { platform: driver.platform, ...person.identity } }))
        .unreachableAt;
    while ((await unreachable()) === null) {
      if (Date.now() > deadline) throw new Error('the identity was not marked unreachable');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(channel.received(person)).toEqual([]);
  });

  it('hands replies the platform keeps failing (5xx) to the delivery path, which delivers them later, in order', async () => {
    if (!driver.platformApi) return expect(driver.platformApi).toBe(false);
    const person = await linkedPerson();
    // More failures than the adapter retries inline: the first reply cannot go out during the request.
    channel.failNextSend(person, { status: 500, times: 4 });
    await post(channel.text(person, 'three replies'));
    expect(await receivedAtLeast(person, 3, 30_000)).toEqual(['one', 'two', 'three']);
  });

  it('retries a reply the platform throttled (429) after its Retry-After, and delivers it once', async () => {
    if (!driver.platformApi) return expect(driver.platformApi).toBe(false);
    const person = await linkedPerson();
    channel.failNextSend(person, { status: 429, retryAfterSeconds: 1 });
    await post(channel.text(person, 'three replies'));
    expect(await receivedAtLeast(person, 3)).toEqual(['one', 'two', 'three']);
    const [first, second] = channel.attempts(person);
    expect(second).toBeDefined();
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(900);
  });
});

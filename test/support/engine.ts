import { randomUUID } from 'node:crypto';
import { createEngine, type Engine, type EngineDeps } from '../../src/engine';
import {
  ChannelError,
  type AddressCodec,
  type ChannelAdapter,
  type ChannelCapabilities,
  type StoredAddress,
} from '../../src/engine/channel';
import { createChannelRegistry, type ChannelRegistry } from '../../src/engine/channel-registry';
import type { SendLater } from '../../src/engine/context';
import type { Logger } from '../../src/logger';
import type { Services } from '../../src/services';
import { createMessageJob } from '../../src/notify/message-job';
import { createRateLimiter } from '../../src/notify/rate-limiter';
import type { InboundEventInput, InboundPayload, OutboundMessage } from '../../src/engine/messages';
import { createQueue, type JobQueue } from '../../src/jobs';
import { createLogger } from '../../src/logger';
import type { PlatformName } from '../../src/domain/platforms';
import { openTestEnv, type TestEnv } from './services';

/** A real in-memory implementation of the channel port: records sends, serves file bytes. */
export interface FakeChannel extends ChannelAdapter {
  sent: { address: unknown; message: OutboundMessage; messageRef: string }[];
  files: Map<string, Buffer>;
}

/** Test channels keep addresses as the JSON the engine stored. */
export const jsonAddress: AddressCodec<StoredAddress> = {
  encode: (a) => a,
  decode: (s) => (s === undefined ? null : (s as StoredAddress)),
};

export function fakeChannel(platform: PlatformName = 'WEB', capabilities: Partial<ChannelCapabilities> = {}): FakeChannel {
  let n = 0;
  const channel: FakeChannel = {
    platform,
    capabilities: { forms: false, editInPlace: false, files: true, ...capabilities },
    sent: [],
    files: new Map(),
    address: jsonAddress,
    webhooks: [],
    async send(address, message) {
      const messageRef = `sent-${++n}`;
      channel.sent.push({ address, message, messageRef });
      return { messageRef };
    },
    async downloadFile(ref, maxBytes) {
      const bytes = channel.files.get(ref);
      if (!bytes) throw new ChannelError('NOT_FOUND', `no file ${ref}`);
      if (bytes.length > maxBytes) throw new ChannelError('TOO_LARGE', 'file too large');
      return bytes;
    },
  };
  return channel;
}

/** Proactive messages on the product's path: the message job, registered on `queue`. */
export function messagePath(deps: {
  channels: ChannelRegistry;
  queue: JobQueue;
  logger: Logger;
  services: Pick<Services, 'markIdentityUnreachable'>;
}): SendLater {
  const messageJob = createMessageJob({
    channels: deps.channels,
    limiter: createRateLimiter(),
    queue: deps.queue,
    logger: deps.logger,
    markUnreachable: (key) => deps.services.markIdentityUnreachable(key),
  });
  deps.queue.register(messageJob);
  return (target, messages) => deps.queue.add(messageJob, { ...target, messages });
}

export interface EngineEnv {
  env: TestEnv;
  engine: Engine;
  queue: JobQueue;
  channel: FakeChannel;
  close(): Promise<void>;
}

/** An engine on the run's database, an inline queue (started) and one fake channel. */
export async function openEngineEnv(
  options: { env?: TestEnv; channel?: FakeChannel; readResume?: EngineDeps['readResume'] } = {},
): Promise<EngineEnv> {
  const env = options.env ?? (await openTestEnv());
  const logger = createLogger('silent');
  const queue = createQueue({ logger });
  const channel = options.channel ?? fakeChannel();
  const channels = createChannelRegistry([channel]);
  const sendLater = messagePath({ channels, queue, logger, services: env.services });
  const engine = createEngine({
    services: env.services,
    queue,
    logger,
    now: env.clock.now,
    readResume: options.readResume,
    channels,
    sendLater,
  });
  await queue.start();
  return {
    env,
    engine,
    queue,
    channel,
    async close() {
      await queue.close();
      if (!options.env) await env.close();
    },
  };
}

export interface ChatIdentityRef {
  platform: PlatformName;
  workspaceId: string;
  platformUserId: string;
}

/** Links a fresh chat identity to a user directly (redemption has its own tests). */
export async function linkIdentity(env: TestEnv, userId: string, platform: PlatformName = 'WEB'): Promise<ChatIdentityRef> {
  const identity = { platform, workspaceId: '', platformUserId: `u-${randomUUID().slice(0, 12)}` };
  await env.deps.db.chatIdentity.create({ data: { ...identity, userId } });
  return identity;
}

export const strangerIdentity = (platform: PlatformName = 'WEB'): ChatIdentityRef => ({
  platform,
  workspaceId: '',
  platformUserId: `stranger-${randomUUID().slice(0, 8)}`,
});

/** A message as one readable block: transcripts compare these. */
export function render(m: OutboundMessage): string {
  const b = m.body;
  const buttons = (cs: { label: string }[]) => (cs.length > 0 ? `\n${cs.map((c) => `[${c.label}]`).join(' ')}` : '');
  const edit = m.edit ? `(edit ${m.edit}) ` : '';
  switch (b.type) {
    case 'text':
      return edit + b.text;
    case 'choices':
      return `${edit}${b.text}${buttons(b.choices)}`;
    case 'file_request':
      return `${edit}${b.text}${buttons(b.choices)}`;
    case 'form':
      return `${edit}FORM ${b.title}: ${b.fields.map((f) => f.label).join(', ')}`;
    case 'card':
      return `${edit}# ${b.title}${b.subtitle ? `\n${b.subtitle}` : ''}\n${b.fields.map((f) => `${f.label}: ${f.value}`).join('\n')}${b.text ? `\n${b.text}` : ''}${buttons(b.choices)}`;
    case 'list': {
      const items =
        b.items.length > 0 ? b.items.map((i) => `- ${i.title}${i.subtitle ? ` (${i.subtitle})` : ''}`).join('\n') : b.emptyText;
      return `${edit}# ${b.title}${b.summary ? `\n${b.summary}` : ''}\n${items}\npage ${b.page}/${b.pageCount}${buttons(b.choices)}`;
    }
  }
}

export interface Chat {
  identity: ChatIdentityRef;
  conversationId: string;
  /** The raw replies of the last event. */
  last: OutboundMessage[];
  send(payload: InboundPayload | Record<string, unknown>, extra?: Partial<InboundEventInput>): Promise<string[]>;
  say(text: string, extra?: Partial<InboundEventInput>): Promise<string[]>;
  command(name: string, args?: string): Promise<string[]>;
  /** Presses the button with this label among the last replies. */
  press(label: string): Promise<string[]>;
  action(actionId: string, value?: string, extra?: Partial<InboundEventInput>): Promise<string[]>;
  form(formId: string, values: Record<string, string>): Promise<string[]>;
  file(name: string, bytes: Buffer): Promise<string[]>;
  /** Uses another engine (a second instance) for the following events. */
  via(engine: Engine): Chat;
}

let eventCounter = 0;

/** A chat driver: sends events to the engine and returns the replies as readable text. */
export function chat(
  ee: { engine: Engine; channel: FakeChannel },
  identity: ChatIdentityRef,
  conversationId = `conv-${randomUUID().slice(0, 8)}`,
): Chat {
  let engine = ee.engine;
  const c: Chat = {
    identity,
    conversationId,
    last: [],
    async send(payload, extra = {}) {
      const event: InboundEventInput = {
        platform: identity.platform,
        eventId: `evt-${++eventCounter}-${randomUUID().slice(0, 6)}`,
        identity: { workspaceId: identity.workspaceId, platformUserId: identity.platformUserId },
        conversation: { id: conversationId, address: { conversationId, user: identity.platformUserId } },
        payload: payload as InboundEventInput['payload'],
        ...extra,
      };
      c.last = await engine.handle(event);
      return c.last.map(render);
    },
    say: (text, extra) => c.send({ type: 'text', text }, extra),
    command: (name, args = '') => c.send({ type: 'command', name, args }),
    async press(label) {
      for (const m of c.last) {
        const b = m.body;
        const options = b.type === 'text' || b.type === 'form' ? [] : b.choices;
        const hit = options.find((o) => o.label === label);
        if (hit) return c.action(hit.actionId, hit.value, { sourceMessageRef: m.edit ?? 'msg-1' });
      }
      throw new Error(`no button “${label}” in: ${c.last.map(render).join(' | ')}`);
    },
    action: (actionId, value, extra) => c.send({ type: 'action', actionId, value }, extra),
    form: (formId, values) => c.send({ type: 'form', formId, values, files: [] }),
    async file(name, bytes) {
      const ref = `file-${randomUUID().slice(0, 8)}`;
      ee.channel.files.set(ref, bytes);
      return c.send({ type: 'file', file: { name, ref, size: bytes.length, contentType: 'application/pdf' } });
    },
    via(other) {
      engine = other;
      return c;
    },
  };
  return c;
}

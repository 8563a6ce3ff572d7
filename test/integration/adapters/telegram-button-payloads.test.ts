import { CallbackDataCodec, storedKeyOfPress } from '../../../adapters/telegram/callback-data';
import { openTestEnv, type TestEnv } from '../../support/services';

let env: TestEnv;
beforeAll(async () => {
  env = await openTestEnv();
});
afterAll(() => env.close());

it('decodes a long button payload on another instance: the payload is in the database, not in memory', async () => {
  const action = { actionId: 'wizard.campaign', value: `${'Call Center — Manila, night shift '.repeat(3)}${Date.now()}` };
  const sending = new CallbackDataCodec();
  const data = sending.encode(action);
  expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
  await env.services.saveButtonPayloads(sending.pending());

  // The press arrives at another process: a fresh codec knows only what the store gives back.
  const press = Buffer.from(JSON.stringify({ update_id: 1, callback_query: { id: 'q', data } }));
  const key = storedKeyOfPress(press);
  expect(key).toBe(data);
  const receiving = new CallbackDataCodec();
  expect(receiving.decode(data)).toBeNull();
  const stored = await env.services.findButtonPayload(data);
  expect(stored).not.toBeNull();
  if (stored) receiving.remember(data, stored);
  expect(receiving.decode(data)).toEqual(action);
});

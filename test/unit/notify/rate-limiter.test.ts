import { createRateLimiter } from '../../../src/notify/rate-limiter';
import { renderNotification } from '../../../src/notify/render';

/** A fake clock whose sleep advances it: the limiter's schedule is read off the clock. */
function fakeClock() {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
  };
}

test('per-conversation limit: a burst goes at once, then one per interval', async () => {
  const clock = fakeClock();
  const limiter = createRateLimiter({ limits: { TELEGRAM: { conversation: { perSecond: 1, burst: 3 } } }, ...clock });
  for (let i = 0; i < 5; i++) await limiter.acquire('TELEGRAM', 'chat-1');
  expect(clock.slept).toEqual([1000, 1000]);
  // Another conversation is not held up by the first.
  const before = clock.now();
  await limiter.acquire('TELEGRAM', 'chat-2');
  expect(clock.now()).toBe(before);
});

test('the platform-wide limit spaces sends across conversations', async () => {
  const clock = fakeClock();
  const limiter = createRateLimiter({ limits: { TEAMS: { platform: { perSecond: 10 } } }, ...clock });
  for (let i = 0; i < 4; i++) await limiter.acquire('TEAMS', `chat-${i}`);
  expect(clock.slept).toEqual([100, 100, 100]);
});

test('a 429 pauses that conversation for its Retry-After, even on a channel without limits', async () => {
  const clock = fakeClock();
  const limiter = createRateLimiter({ limits: {}, ...clock });
  limiter.pause('WEB', 'chat-1', 1500);
  await limiter.acquire('WEB', 'chat-1');
  expect(clock.slept).toEqual([1500]);
  await limiter.acquire('WEB', 'chat-2');
  expect(clock.slept).toEqual([1500]);
});

const COMMENT = {
  candidateRef: 1042,
  candidateName: 'Maria Santos',
  campaign: 'Nurses 2027',
  agency: 'Acme Staffing',
  actor: 'Rita',
  body: 'Can she start in January?',
};

test('a relayed comment carries the reply key and says how to answer with the channel’s reply control', () => {
  const message = renderNotification('RECRUITER_COMMENT', COMMENT, 'reply');
  expect(message.replyKey).toBe('candidate:1042');
  expect(message.body).toEqual({
    type: 'text',
    text: 'Rita commented on C-1042 Maria Santos (Nurses 2027):\n\nCan she start in January?\n\nReply to this message to answer.',
  });
  const hint = (replies?: Parameters<typeof renderNotification>[2]) => {
    const body = renderNotification('RECRUITER_COMMENT', COMMENT, replies).body;
    return body.type === 'text' ? body.text.split('\n\n').pop() : '';
  };
  expect(hint('thread')).toBe('Reply in the thread to answer.');
  expect(hint('quote')).toMatch(/^Quote this message in your reply/);
  expect(hint('button')).toBe('Press Reply under this message to answer.');
  // A channel that cannot tie an answer to a message names the command instead.
  expect(hint(undefined)).toBe('To answer, type: comment C-1042 <your comment>.');
});

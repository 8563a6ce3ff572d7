import { every } from '../../../src/jobs/every';
import { createLogger } from '../../../src/logger';

/** Housekeeping on a timer: runs on time, never doubled, survives a failure, stops when told. */
const logger = createLogger('silent');

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

test('the task runs once per interval, not before the first interval is over', async () => {
  const task = jest.fn().mockResolvedValue(0);
  const stop = every(1_000, 'count', task, logger);

  await jest.advanceTimersByTimeAsync(999);
  expect(task).toHaveBeenCalledTimes(0);
  await jest.advanceTimersByTimeAsync(2_001);
  expect(task).toHaveBeenCalledTimes(3);
  stop();
});

test('a run still going when the next is due is not doubled', async () => {
  let finish: () => void = () => undefined;
  const task = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  const stop = every(1_000, 'slow', task, logger);

  await jest.advanceTimersByTimeAsync(3_000);
  expect(task).toHaveBeenCalledTimes(1);
  finish();
  await jest.advanceTimersByTimeAsync(1_000);
  expect(task).toHaveBeenCalledTimes(2);
  stop();
});

test('a failed run is logged and the next one still comes', async () => {
  const errors: unknown[] = [];
  const recording = { ...logger, error: (...args: unknown[]) => void errors.push(args) } as unknown as typeof logger;
  const task = jest.fn().mockRejectedValueOnce(new Error('database down')).mockResolvedValue(0);
  const stop = every(1_000, 'flaky', task, recording);

  await jest.advanceTimersByTimeAsync(2_000);

  expect(task).toHaveBeenCalledTimes(2);
  expect(errors).toHaveLength(1);
  stop();
});

test('after stop nothing runs any more', async () => {
  const task = jest.fn().mockResolvedValue(0);
  const stop = every(1_000, 'stopped', task, logger);

  stop();
  await jest.advanceTimersByTimeAsync(5_000);

  expect(task).not.toHaveBeenCalled();
});

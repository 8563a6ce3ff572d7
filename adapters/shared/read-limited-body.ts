import { ChannelError } from '../../src/engine/channel';

/**
 * Reads a download's body, stopping as soon as more than `maxBytes` arrived: a wrong or missing
 * Content-Length (or a platform's declared file size) must never make us hold a huge body.
 */
export async function readLimitedBody(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new ChannelError('TOO_LARGE', 'That file is larger than allowed');
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ChannelError('TOO_LARGE', 'That file is larger than allowed');
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

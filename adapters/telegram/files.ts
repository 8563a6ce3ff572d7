import { ChannelError } from '../../src/engine/channel';
import { readLimitedBody } from '../shared/read-limited-body';

/** Bots may download files up to 20 MB through getFile; larger ones are refused before asking. */
export const TELEGRAM_DOWNLOAD_MAX_BYTES = 20 * 1024 * 1024;

/**
 * GETs a file's bytes from `{apiRoot}/file/bot<token>/<file_path>`, stopping as soon as more than
 * `maxBytes` arrived (a wrong file_size must not make us hold a huge body).
 */
export async function fetchFileBytes(fetchImpl: typeof fetch, url: string, maxBytes: number): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch (error) {
    throw new ChannelError('UNREACHABLE', 'Telegram file download failed', { cause: error });
  }
  if (res.status === 404) throw new ChannelError('NOT_FOUND', 'Telegram no longer has that file');
  if (!res.ok)
    throw new ChannelError(res.status >= 500 ? 'UNREACHABLE' : 'INVALID', `Telegram file download: HTTP ${res.status}`);
  return readLimitedBody(res, maxBytes);
}

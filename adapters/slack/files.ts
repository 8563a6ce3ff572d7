import { ChannelError } from '../../src/engine/channel';
import { readLimitedBody } from '../shared/read-limited-body';

/**
 * GETs a private Slack file (`url_private_download`) with the workspace's bot token, stopping as
 * soon as more than `maxBytes` arrived (a wrong declared size must not make us hold a huge body).
 * Slack answers a missing or wrong token with a 200 HTML login page, hence the content-type check.
 */
export async function fetchSlackFile(fetchImpl: typeof fetch, url: string, token: string, maxBytes: number): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetchImpl(url, { headers: { authorization: `Bearer ${token}` }, redirect: 'follow' });
  } catch (error) {
    throw new ChannelError('UNREACHABLE', 'Slack file download failed', { cause: error });
  }
  if (res.status === 404) throw new ChannelError('NOT_FOUND', 'Slack no longer has that file');
  if (res.status === 401 || res.status === 403) throw new ChannelError('UNAUTHORIZED', `Slack file download: HTTP ${res.status}`);
  if (!res.ok) throw new ChannelError(res.status >= 500 ? 'UNREACHABLE' : 'INVALID', `Slack file download: HTTP ${res.status}`);
  if ((res.headers.get('content-type') ?? '').startsWith('text/html')) {
    await res.body?.cancel();
    throw new ChannelError('UNAUTHORIZED', 'Slack answered a login page: the bot token cannot read that file (files:read)');
  }
  return readLimitedBody(res, maxBytes);
}

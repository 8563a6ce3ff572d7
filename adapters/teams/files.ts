import { ChannelError } from '../../src/engine/channel';
import { readLimitedBody } from '../shared/read-limited-body';

/** DESIGN §7: no file over 10 MB is taken, whatever the caller allows. */
export const TEAMS_DOWNLOAD_MAX_BYTES = 10 * 1024 * 1024;

/**
 * GETs a personal-chat file from its `content.downloadUrl` (a pre-authenticated OneDrive /
 * SharePoint link: no bot token goes with it), stopping as soon as more than `maxBytes` arrived,
 * so a wrong or missing Content-Length never makes us hold a huge body.
 */
export async function downloadTeamsFile(fetchImpl: typeof fetch, ref: string, maxBytes: number): Promise<Buffer> {
  const limit = Math.min(maxBytes, TEAMS_DOWNLOAD_MAX_BYTES);
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    throw new ChannelError('INVALID', 'Not a Teams file download URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ChannelError('INVALID', 'Not a Teams file download URL');
  let res: Response;
  try {
    res = await fetchImpl(url, { redirect: 'follow' });
  } catch (error) {
    throw new ChannelError('UNREACHABLE', 'Teams file download failed', { cause: error });
  }
  if (res.status === 404 || res.status === 410) throw new ChannelError('NOT_FOUND', 'The file link has expired');
  if (!res.ok) throw new ChannelError(res.status >= 500 ? 'UNREACHABLE' : 'INVALID', `Teams file download: HTTP ${res.status}`);
  return readLimitedBody(res, limit);
}

import type { Services } from '../../src/services';

/** The use cases the web chat reaches: identities, and its transcript and uploads (shared by every instance). */
export type WebChatServices = Pick<
  Services,
  | 'resolveIdentity'
  | 'bindDemoWebIdentity'
  | 'openWebSession'
  | 'checkWebSession'
  | 'revokeWebSession'
  | 'putWebEntry'
  | 'replaceWebEntry'
  | 'webHistory'
  | 'createWebUpload'
  | 'findWebUpload'
  | 'readWebUpload'
  | 'webUploadUsage'
>;

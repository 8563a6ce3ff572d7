export { createChannelRegistry, type ChannelRegistry } from '../engine/channel-registry';
export { createNotifier, type Notifier, type NotifierDeps } from './notifier';
export { createRateLimiter, DEFAULT_CHANNEL_LIMITS, type RateLimiter, type ChannelLimits } from './rate-limiter';
export { DELIVERY_JOB_NAME, deliveryJobId } from './delivery-job';
export { createAtsWebhookJob, verifyAtsSignature, signAtsBody, ATS_SIGNATURE_HEADER } from './ats-webhook';
export { renderNotification, candidateReplyKey } from './render';
export { withNotifications } from './with-notifications';

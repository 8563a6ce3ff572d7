export {
  createMailer,
  createLogMailer,
  maskEmail,
  PermanentMailError,
  type Mail,
  type Mailer,
  type MailerOptions,
} from './mailer';
export { renderInvitationEmail, type InvitationEmailInput } from './invitation-email';
export { inviteChannels, type InviteChannel, type InviteChannelsConfig } from '../domain/invite-channels';
export { createMailJob, MAIL_JOB_NAME } from './mail-job';

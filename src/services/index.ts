import * as agencies from './agencies';
import * as apiKeys from './api-keys';
import * as auditLog from './audit-log';
import * as campaigns from './campaigns';
import * as candidateFiles from './candidate-files';
import * as candidates from './candidates';
import * as conversations from './conversations';
import * as dashboards from './dashboards';
import * as externalCandidates from './external-candidates';
import * as digests from './digests';
import * as disputes from './disputes';
import * as disputeViews from './dispute-views';
import type { ServiceDeps } from './deps';
import * as files from './files';
import * as identities from './identities';
import { createEventOpener } from './inbound-events';
import * as invitations from './invitations';
import * as notifications from './notifications';
import * as submissions from './submissions';
import { createSlackInstallations } from './slack-installations';
import * as users from './users';
import * as userLanguage from './user-language';
import * as webChat from './web-chat';
import * as webIdentity from './web-identity';
import * as webSessions from './web-sessions';
import * as buttonPayloads from './button-payloads';

export type { ServiceDeps } from './deps';
export * from './errors';
export { SYSTEM_ACTOR } from './actor';

/**
 * Every use case with its dependencies bound: `services.submitCandidate(actorId, input)`.
 * Callers (engine, HTTP API, CLI) hold this object instead of the database.
 */
export function createServices(deps: ServiceDeps) {
  return {
    deps,
    submitCandidate: submissions.submitCandidate.bind(null, deps),
    registerExternalCandidate: externalCandidates.registerExternalCandidate.bind(null, deps),
    listDashboard: dashboards.listDashboard.bind(null, deps),
    getCandidateProfile: candidates.getCandidateProfile.bind(null, deps),
    addComment: candidates.addComment.bind(null, deps),
    changeStage: candidates.changeStage.bind(null, deps),
    listUsers: users.listUsers.bind(null, deps),
    getUser: users.getUser.bind(null, deps),
    findUserId: users.findUserId.bind(null, deps),
    renameUser: users.renameUser.bind(null, deps),
    getUserLanguage: userLanguage.getUserLanguage.bind(null, deps),
    setUserLanguage: userLanguage.setUserLanguage.bind(null, deps),
    disableUser: users.disableUser.bind(null, deps),
    enableUser: users.enableUser.bind(null, deps),
    createAgency: agencies.createAgency.bind(null, deps),
    listAgencies: agencies.listAgencies.bind(null, deps),
    findAgencyId: agencies.findAgencyId.bind(null, deps),
    setAgencyStatus: agencies.setAgencyStatus.bind(null, deps),
    phoneCountryFor: agencies.phoneCountryFor.bind(null, deps),
    listCampaigns: campaigns.listCampaigns.bind(null, deps),
    createCampaign: campaigns.createCampaign.bind(null, deps),
    setCampaignStatus: campaigns.setCampaignStatus.bind(null, deps),
    setCampaignAgencies: campaigns.setCampaignAgencies.bind(null, deps),
    assignRecruiter: campaigns.assignRecruiter.bind(null, deps),
    setDuplicateRule: campaigns.setDuplicateRule.bind(null, deps),
    listDuplicateRules: campaigns.listDuplicateRules.bind(null, deps),
    createInvitation: invitations.createInvitation.bind(null, deps),
    redeemInvitation: invitations.redeemInvitation.bind(null, deps),
    describeInvitation: invitations.describeInvitation.bind(null, deps),
    setOwnName: invitations.setOwnName.bind(null, deps),
    resolveIdentity: identities.resolveIdentity.bind(null, deps),
    updateAddress: identities.updateAddress.bind(null, deps),
    markIdentityUnreachable: identities.markIdentityUnreachable.bind(null, deps),
    listAuditLog: auditLog.listAuditLog.bind(null, deps),
    /** Slack OAuth installations (Bolt's installation store in PostgreSQL). */
    slackInstallations: createSlackInstallations(deps),
    openEvent: createEventOpener(deps),
    loadConversation: conversations.loadConversation.bind(null, deps),
    saveConversation: conversations.saveConversation.bind(null, deps),
    findCandidateRefByMessage: conversations.findCandidateRefByMessage.bind(null, deps),
    pruneProcessedEvents: conversations.pruneProcessedEvents.bind(null, deps),
    storeFile: files.storeFile.bind(null, deps),
    readFile: files.readFile.bind(null, deps),
    deleteUnusedFile: files.deleteUnusedFile.bind(null, deps),
    bindDemoWebIdentity: webIdentity.bindDemoWebIdentity.bind(null, deps),
    openWebSession: webSessions.openWebSession.bind(null, deps),
    checkWebSession: webSessions.checkWebSession.bind(null, deps),
    revokeWebSession: webSessions.revokeWebSession.bind(null, deps),
    putWebEntry: webChat.putWebEntry.bind(null, deps),
    replaceWebEntry: webChat.replaceWebEntry.bind(null, deps),
    webHistory: webChat.webHistory.bind(null, deps),
    createWebUpload: webChat.createWebUpload.bind(null, deps),
    findWebUpload: webChat.findWebUpload.bind(null, deps),
    readWebUpload: webChat.readWebUpload.bind(null, deps),
    webUploadUsage: webChat.webUploadUsage.bind(null, deps),
    pruneWebChat: webChat.pruneWebChat.bind(null, deps),
    saveButtonPayloads: buttonPayloads.saveButtonPayloads.bind(null, deps),
    findButtonPayload: buttonPayloads.findButtonPayload.bind(null, deps),
    pruneButtonPayloads: buttonPayloads.pruneButtonPayloads.bind(null, deps),
    listDeliveries: notifications.listDeliveries.bind(null, deps),
    retryDeliveries: notifications.retryDeliveries.bind(null, deps),
    getCandidateResume: candidateFiles.getCandidateResume.bind(null, deps),
    createApiKey: apiKeys.createApiKey.bind(null, deps),
    revokeApiKey: apiKeys.revokeApiKey.bind(null, deps),
    listApiKeys: apiKeys.listApiKeys.bind(null, deps),
    checkDisputable: disputes.checkDisputable.bind(null, deps),
    openDispute: disputes.openDispute.bind(null, deps),
    decideDispute: disputes.decideDispute.bind(null, deps),
    listDisputes: disputeViews.listDisputes.bind(null, deps),
    getDispute: disputeViews.getDispute.bind(null, deps),
    getDisputeEvidence: disputeViews.getDisputeEvidence.bind(null, deps),
    authenticateApiKey: apiKeys.authenticateApiKey.bind(null, deps),
    getDigestSettings: digests.getDigestSettings.bind(null, deps),
    setDigestEnabled: digests.setDigestEnabled.bind(null, deps),
  };
}

export type Services = ReturnType<typeof createServices>;

import type { InboundEvent } from './messages';

/** The chat identity a conversation key belongs to (the inverse of `conversationKey`'s suffix). */
export function identityOfConversation(key: { workspaceId: string; conversationId: string }) {
  return { workspaceId: key.workspaceId, platformUserId: key.conversationId.slice(key.conversationId.lastIndexOf('#') + 1) };
}

/** Dialog state is per user in a conversation, so people in one group channel do not mix. */
export function conversationKey(event: InboundEvent) {
  return {
    platform: event.platform,
    workspaceId: event.identity.workspaceId,
    conversationId: `${event.conversation.id}#${event.identity.platformUserId}`,
  };
}

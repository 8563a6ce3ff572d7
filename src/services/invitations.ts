import { shortQuote } from '../domain/limits';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { canInvite, ROLES, type Role } from '../domain/permissions';
import { normalizeEmail } from '../domain/contact';
import type { Prisma } from '../generated/prisma/client';
import { assertAllowed, loadActor } from './actor';
import { writeAudit } from './audit';
import type { ServiceDeps } from './deps';
import { ConflictError, ExpiredError, ForbiddenError, InvalidInputError, NotFoundError, RateLimitedError } from './errors';
import { platformSchema } from '../domain/platforms';
import { parseOrThrow } from './validate';
import { TEXT_LIMITS } from '../domain/limits';
import { revokeUserWebSessions } from './web-sessions';

/** Failed redemptions allowed per chat identity within the window before it must wait. */
export const REDEEM_MAX_FAILURES = 5;
export const REDEEM_WINDOW_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** 256 random bits, base64url: 43 characters, safe in a URL and in a Telegram deep link. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const inviteInput = z.object({
  email: z.string(),
  role: z.enum(ROLES as [Role, ...Role[]], { message: 'svc.zod.role' }),
  agencyId: z.string().nullish(),
  name: z.string().trim().max(TEXT_LIMITS.displayName).optional(),
  country: z.string().trim().toUpperCase().length(2).optional(),
});
export type InviteInput = z.input<typeof inviteInput>;

export interface InvitationCreated {
  userId: string;
  email: string;
  role: Role;
  /** The link to send; its last path segment is the token. Shown once, never stored in clear. */
  url: string;
  token: string;
  expiresAt: Date;
  /** The name the invitee will be shown by (null: they are asked when they first link a chat). */
  name: string | null;
  /** For the email: the agency they join, and who invited them. */
  agencyName: string | null;
  inviterName: string | null;
}

/**
 * Invites an email address with a role. Inviting the same email again re-issues the link and voids
 * the earlier ones, which is how a lost or expired link is replaced.
 */
export async function createInvitation(deps: ServiceDeps, actorId: string, raw: InviteInput): Promise<InvitationCreated> {
  const input = parseOrThrow(inviteInput, raw);
  const email = normalizeEmail(input.email);
  if (!email.ok) throw new InvalidInputError({ key: 'wizard.bad.email', params: { input: shortQuote(input.email) } }, 'email');
  const agencyId = input.agencyId ?? null;
  const actor = await loadActor(deps.sql, actorId);
  assertAllowed(canInvite(actor, { role: input.role, agencyId }));
  let agencyName: string | null = null;
  if (agencyId) {
    const agency = await deps.db.agency.findUnique({ where: { id: agencyId }, select: { status: true, name: true } });
    if (!agency) throw new NotFoundError({ key: 'svc.noSuchAgency' });
    if (agency.status === 'DISABLED') throw new ConflictError({ key: 'svc.agencyDisabledInvite' });
    agencyName = agency.name;
  }
  const existing = await deps.db.user.findUnique({
    where: { email: email.value },
    select: { id: true, status: true, role: true, agencyId: true, name: true },
  });
  // Re-issuing moves the pending user to the new role and agency: the actor must be allowed to
  // invite them as they are now too, or an admin could take over another agency's invitee.
  if (existing && actor.role !== 'OWNER') assertAllowed(canInvite(actor, { role: existing.role, agencyId: existing.agencyId }));
  if (existing?.status === 'ACTIVE') throw new ConflictError({ key: 'svc.alreadyHasAccess', params: { email: email.value } });
  if (existing?.status === 'DISABLED') throw new ConflictError({ key: 'svc.userDisabledInvite', params: { email: email.value } });

  const token = newInvitationToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.inviteTtlDays * DAY_MS);
  const userId = await deps.db.$transaction(async (tx) => {
    const userData: Prisma.UserUncheckedCreateInput = {
      email: email.value,
      role: input.role,
      agencyId,
      status: 'INVITED',
      name: input.name ?? null,
      country: input.country ?? null,
    };
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { role: input.role, agencyId, ...(input.name ? { name: input.name } : {}) },
          select: { id: true },
        })
      : await tx.user.create({ data: userData, select: { id: true } });
    await tx.invitation.updateMany({ where: { userId: user.id, redeemedAt: null, revokedAt: null }, data: { revokedAt: now } });
    if (existing) await revokeUserWebSessions(tx, user.id, now);
    await tx.invitation.create({
      data: {
        tokenHash: hashToken(token),
        email: email.value,
        role: input.role,
        agencyId,
        userId: user.id,
        invitedById: actorId === 'system' ? null : actorId,
        expiresAt,
        createdAt: now,
      },
    });
    await writeAudit(tx, {
      actorId,
      action: existing ? 'invitation.reissue' : 'invitation.create',
      targetType: 'user',
      targetId: user.id,
      details: { role: input.role },
    });
    return user.id;
  });
  const inviter = actorId === 'system' ? null : await deps.db.user.findUnique({ where: { id: actorId }, select: { name: true } });
  return {
    userId,
    email: email.value,
    role: input.role,
    url: `${deps.publicUrl}/invite/${token}`,
    token,
    expiresAt,
    name: input.name ?? existing?.name ?? null,
    agencyName,
    inviterName: inviter?.name ?? null,
  };
}

/** What the invitation page may show to whoever holds the link: whom it is for, as what, where. */
export interface InvitationDetails {
  name: string | null;
  role: Role;
  agencyName: string | null;
  expiresAt: Date;
}

/**
 * The details of a usable invitation (not redeemed, revoked or expired), or null. The token is the
 * credential, as for redemption; nothing is written, so looking cannot use the link up.
 */
export async function describeInvitation(deps: ServiceDeps, token: string): Promise<InvitationDetails | null> {
  const invitation = await deps.db.invitation.findUnique({
    where: { tokenHash: hashToken(token.trim()) },
    select: {
      role: true,
      expiresAt: true,
      redeemedAt: true,
      revokedAt: true,
      agency: { select: { name: true } },
      user: { select: { name: true } },
    },
  });
  if (!invitation || invitation.redeemedAt || invitation.revokedAt || invitation.expiresAt <= deps.now()) return null;
  return {
    name: invitation.user.name,
    role: invitation.role,
    agencyName: invitation.agency?.name ?? null,
    expiresAt: invitation.expiresAt,
  };
}

/** The invitee names themself (asked when they first link a chat and no name was given). */
export async function setOwnName(deps: ServiceDeps, actorId: string, rawName: string): Promise<{ name: string }> {
  const name = parseOrThrow(ownNameSchema, rawName);
  const actor = await loadActor(deps.sql, actorId);
  if (!actor.active) throw new ForbiddenError({ key: 'svc.disabledNameStays' });
  await deps.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actorId }, data: { name } });
    await writeAudit(tx, { actorId, action: 'user.nameSelf', targetType: 'user', targetId: actorId, details: { name } });
  });
  return { name };
}

const ownNameSchema = z
  .string()
  .trim()
  .min(1, 'svc.zod.nameEmpty')
  .max(TEXT_LIMITS.displayName, `A name is at most ${TEXT_LIMITS.displayName} characters.`);

export const chatIdentityInput = z.object({
  platform: platformSchema,
  workspaceId: z.string().default(''),
  platformUserId: z.string().min(1),
  /** The platform's conversation reference, kept to message the user later. */
  address: z.json().optional(),
});
export type ChatIdentityInput = z.input<typeof chatIdentityInput>;

export interface InvitationRedeemed {
  userId: string;
  name: string | null;
  email: string;
  role: Role;
}

const identityKey = (i: { platform: string; workspaceId: string; platformUserId: string }) =>
  `${i.platform}:${i.workspaceId}:${i.platformUserId}`;

/**
 * Binds a chat identity to the invited user. Single use (a conditional update wins once), expiring,
 * and rate limited per chat identity so tokens cannot be guessed by trying.
 */
export async function redeemInvitation(
  deps: ServiceDeps,
  token: string,
  rawIdentity: ChatIdentityInput,
): Promise<InvitationRedeemed> {
  const identity = parseOrThrow(chatIdentityInput, rawIdentity);
  const key = identityKey(identity);
  const now = deps.now();
  const recentFailures = await deps.db.redemptionAttempt.count({
    where: { identityKey: key, at: { gte: new Date(now.getTime() - REDEEM_WINDOW_MS) } },
  });
  if (recentFailures >= REDEEM_MAX_FAILURES) {
    throw new RateLimitedError({ key: 'svc.redeemRateLimited' }, REDEEM_WINDOW_MS);
  }
  const fail = async (error: Error): Promise<never> => {
    await deps.db.redemptionAttempt.create({ data: { identityKey: key, at: now } });
    throw error;
  };

  const invitation = await deps.db.invitation.findUnique({
    where: { tokenHash: hashToken(token.trim()) },
    select: { id: true, userId: true, expiresAt: true, redeemedAt: true, revokedAt: true, user: { select: { status: true } } },
  });
  if (!invitation) return fail(new NotFoundError({ key: 'svc.inviteInvalid' }));
  if (invitation.redeemedAt) return fail(new ConflictError({ key: 'svc.inviteUsed' }));
  if (invitation.revokedAt) return fail(new ExpiredError({ key: 'svc.inviteReplaced' }));
  if (invitation.expiresAt <= now) return fail(new ExpiredError({ key: 'svc.inviteExpired' }));
  if (invitation.user.status === 'DISABLED') return fail(new ConflictError({ key: 'svc.inviteUserDisabled' }));

  const bound = await deps.db.chatIdentity.findUnique({
    where: {
      platform_workspaceId_platformUserId: {
        platform: identity.platform,
        workspaceId: identity.workspaceId,
        platformUserId: identity.platformUserId,
      },
    },
    select: { userId: true },
  });
  if (bound && bound.userId !== invitation.userId) {
    throw new ConflictError({ key: 'svc.identityTaken' });
  }

  return deps.db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, redeemedAt: null, revokedAt: null },
      data: { redeemedAt: now },
    });
    if (claimed.count !== 1) throw new ConflictError({ key: 'svc.inviteUsedHelp' });
    const address =
      identity.address === undefined || identity.address === null ? undefined : (identity.address as Prisma.InputJsonValue);
    await tx.chatIdentity.upsert({
      where: {
        platform_workspaceId_platformUserId: {
          platform: identity.platform,
          workspaceId: identity.workspaceId,
          platformUserId: identity.platformUserId,
        },
      },
      create: {
        userId: invitation.userId,
        platform: identity.platform,
        workspaceId: identity.workspaceId,
        platformUserId: identity.platformUserId,
        address,
      },
      update: { address, unreachableAt: null },
    });
    const user = await tx.user.update({
      where: { id: invitation.userId },
      data: { status: 'ACTIVE' },
      select: { id: true, name: true, email: true, role: true },
    });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'invitation.redeem',
      targetType: 'user',
      targetId: user.id,
      details: { platform: identity.platform },
    });
    return { userId: user.id, name: user.name, email: user.email, role: user.role };
  });
}

import type { Role } from '../../domain/permissions';
import type { CommandArgs } from '../commands';
import type { Ctx, Replies } from '../context';
import { roleAt } from '../../i18n/roles';
import { text } from '../reply';
import { formatDateTime } from '../../i18n/format';

const ROLE_WORDS: Record<string, Role> = {
  owner: 'OWNER',
  recruiter: 'RECRUITER',
  admin: 'AGENCY_ADMIN',
  agency_admin: 'AGENCY_ADMIN',
  agencyadmin: 'AGENCY_ADMIN',
  user: 'AGENCY_USER',
  agency_user: 'AGENCY_USER',
  agencyuser: 'AGENCY_USER',
};

export const parseRole = (word: string): Role | null => ROLE_WORDS[word.toLowerCase().replace(/-/g, '_')] ?? null;

/** `invite <email> <role> [agency]`: prints the link (email delivery comes with issue 8). */
export async function onInvite(ctx: Ctx, args: CommandArgs<'invite'>): Promise<Replies> {
  const role = parseRole(args.role);
  if (!role) return [text(ctx.t('invite.badRole', { role: args.role }))];
  const agencyRole = role === 'AGENCY_ADMIN' || role === 'AGENCY_USER';
  let agencyId: string | null = null;
  if (args.agency) agencyId = await ctx.services.findAgencyId(args.agency);
  else if (agencyRole) agencyId = ctx.user.agencyId;
  if (agencyRole && !agencyId) return [text(ctx.t('invite.needAgency'))];
  const name = args.name?.trim() || undefined;
  const inv = await ctx.services.createInvitation(ctx.user.userId, { email: args.email, role, agencyId, name });
  const who = inv.name ? `${inv.name} <${inv.email}>` : inv.email;
  return [
    text(
      ctx.t('invite.created', {
        email: who,
        role: roleAt(ctx.event.locale, inv.role, inv.agencyName),
        url: inv.url,
        token: inv.token,
        until: formatDateTime(ctx.event.locale, inv.expiresAt),
      }),
    ),
  ];
}

import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../domain/permissions';
import { SYSTEM_ACTOR, type Services } from '../services';
import { API_KEY_SCOPES } from '../services/api-keys';
import { renderInvitationEmail, type Mailer } from '../mail';
import { UsageError } from './run-cli';

export const ADMIN_USAGE = `Usage: npm run admin -- <command>

  agency create <name> [--country <CC>]     create an agency
  agency list                               list agencies
  agency disable|enable <name>              cut off or restore a whole agency
  campaign create <name> [--agency <name>]… create an open campaign (restricted to agencies if given)
  campaign list                             list campaigns
  campaign open|close <name>                open or close a campaign
  campaign recruiter <campaign> <email>     assign a recruiter to a campaign
  rule set [--campaign <name>] [--window <months>] [--match phone|email|either]
           [--cross flag|block] [--same flag|block] [--direct flag|block] [--ownership shown|hidden]
                                            set the duplicate rule (global default without --campaign);
                                            --ownership hidden: other agencies are not told when a hold ends
  user invite <email> --role <${ROLES.join('|')}> [--agency <name>] [--name <full name>]
                                            invite; prints the invitation URL as the last line
  user list [--agency <name>] [--role <role>] [--search <text>]
  user disable|enable <email>
  audit [--limit <n>]                       latest admin actions
  apikey create <name> --scope owner|recruiter [--user <email>]
                                            create a REST API key (printed once; --user: whom it acts as)
  apikey list                               list API keys (never the keys themselves)
  apikey revoke <id>                        revoke an API key at once
  deliveries [--status failed|pending|sent|all] [--limit <n>]
                                            notification deliveries (default: the failed ones)
  deliveries retry [<id>…]                  send failed deliveries again (all of them without ids)
  secrets rotate                            re-seal stored platform tokens under the first key of SECRET_KEYS`;

type Print = (line: string) => void;

const table = (rows: string[][]): string[] => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
};

function parseRole(value: string | undefined): Role {
  const role = value?.toUpperCase();
  if (!role || !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
  return role as Role;
}

function lower<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  const v = value.toUpperCase() as T;
  if (!allowed.includes(v)) throw new UsageError(`${flag} must be one of ${allowed.map((a) => a.toLowerCase()).join(', ')}.`);
  return v;
}

async function findCampaignId(services: Services, name: string): Promise<string> {
  const all = await services.listCampaigns(SYSTEM_ACTOR);
  const found = all.find((c) => c.id === name || c.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new UsageError(`No campaign “${name}”. Run \`npm run admin -- campaign list\`.`);
  return found.id;
}

/** Runs one admin command through the same services the chat uses, acting as the operator. */
/** Optional parts the command line has when configured. */
export interface AdminExtras {
  /** Sends invitation emails (SMTP_URL set); without it `user invite` only prints the link. */
  mailer?: Mailer;
}

export async function runAdminCommand(services: Services, argv: string[], print: Print, extras: AdminExtras = {}): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      country: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string', multiple: true },
      name: { type: 'string' },
      search: { type: 'string' },
      campaign: { type: 'string' },
      window: { type: 'string' },
      match: { type: 'string' },
      cross: { type: 'string' },
      same: { type: 'string' },
      ownership: { type: 'string' },
      direct: { type: 'string' },
      limit: { type: 'string' },
      scope: { type: 'string' },
      user: { type: 'string' },
      status: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [area, verb, ...rest] = positionals;
  const arg = rest.join(' ').trim();
  const me = SYSTEM_ACTOR;
  const agencyFlag = values.agency?.[0];
  const need = (what: string) => {
    if (!arg) throw new UsageError(`Missing ${what}.\n\n${ADMIN_USAGE}`);
    return arg;
  };

  switch (`${area ?? ''} ${verb ?? ''}`.trim()) {
    case 'agency create': {
      const agency = await services.createAgency(me, { name: need('the agency name'), country: values.country });
      print(`Created agency ${agency.name}${agency.country ? ` (${agency.country})` : ''}.`);
      return;
    }
    case 'agency list': {
      const agencies = await services.listAgencies(me);
      print(agencies.length === 0 ? 'No agencies yet.' : '');
      table([
        ['NAME', 'COUNTRY', 'STATUS', 'USERS'],
        ...agencies.map((a) => [a.name, a.country ?? '-', a.status, String(a.userCount)]),
      ]).forEach(print);
      return;
    }
    case 'agency disable':
    case 'agency enable': {
      const id = await services.findAgencyId(need('the agency name'));
      const agency = await services.setAgencyStatus(me, id, verb === 'disable' ? 'DISABLED' : 'ACTIVE');
      print(`Agency ${agency.name} is now ${agency.status}.`);
      return;
    }
    case 'campaign create': {
      const agencyIds = await Promise.all((values.agency ?? []).map((a) => services.findAgencyId(a)));
      const campaign = await services.createCampaign(me, {
        name: need('the campaign name'),
        openToAll: agencyIds.length === 0,
        agencyIds,
      });
      print(`Created campaign ${campaign.name} (${campaign.status}${campaign.openToAll ? ', open to every agency' : ''}).`);
      return;
    }
    case 'campaign list': {
      const campaigns = await services.listCampaigns(me);
      table([
        ['NAME', 'STATUS', 'OPEN TO'],
        ...campaigns.map((c) => [c.name, c.status, c.openToAll ? 'all agencies' : 'assigned agencies']),
      ]).forEach(print);
      return;
    }
    case 'campaign open':
    case 'campaign close': {
      const c = await services.setCampaignStatus(
        me,
        await findCampaignId(services, need('the campaign name')),
        verb === 'open' ? 'OPEN' : 'CLOSED',
      );
      print(`Campaign ${c.name} is now ${c.status}.`);
      return;
    }
    case 'campaign recruiter': {
      const email = rest.pop();
      const campaignName = rest.join(' ');
      if (!email || !campaignName) throw new UsageError('Usage: campaign recruiter <campaign> <email>');
      await services.assignRecruiter(me, await findCampaignId(services, campaignName), await services.findUserId(email));
      print(`Assigned ${email} to ${campaignName}.`);
      return;
    }
    case 'rule set': {
      const campaignId = values.campaign ? await findCampaignId(services, values.campaign) : null;
      const windowMonths = values.window === undefined ? 6 : Number(values.window);
      if (!Number.isInteger(windowMonths)) throw new UsageError('--window takes a whole number of months, e.g. --window 6');
      const rule = {
        windowMonths,
        matchOn: lower(values.match, ['PHONE', 'EMAIL', 'EITHER'] as const, '--match', 'EITHER'),
        crossAgency: lower(values.cross, ['FLAG', 'BLOCK'] as const, '--cross', 'FLAG'),
        sameAgency: lower(values.same, ['FLAG', 'BLOCK'] as const, '--same', 'FLAG'),
        showOwnershipEnd: lower(values.ownership, ['SHOWN', 'HIDDEN'] as const, '--ownership', 'SHOWN') === 'SHOWN',
        directApplicant: lower(values.direct, ['FLAG', 'BLOCK'] as const, '--direct', 'FLAG'),
      };
      await services.setDuplicateRule(me, campaignId, rule);
      print(`Duplicate rule for ${values.campaign ?? 'every campaign without its own rule'}: ${JSON.stringify(rule)}`);
      return;
    }
    case 'user invite': {
      const agencyId = agencyFlag ? await services.findAgencyId(agencyFlag) : null;
      const invitation = await services.createInvitation(me, {
        email: need('the email address'),
        role: parseRole(values.role),
        agencyId,
        name: values.name,
      });
      print(`Invited ${invitation.email} as ${invitation.role}; the link works until ${invitation.expiresAt.toISOString()}.`);
      if (extras.mailer?.kind === 'smtp') {
        await extras.mailer.send(
          renderInvitationEmail({
            to: invitation.email,
            url: invitation.url,
            role: invitation.role,
            agencyName: invitation.agencyName,
            inviterName: invitation.inviterName,
            name: invitation.name,
            expiresAt: invitation.expiresAt,
          }),
        );
        print(`Emailed the invitation to ${invitation.email}.`);
      }
      print(invitation.url);
      return;
    }
    case 'user list': {
      const agencyId = agencyFlag ? await services.findAgencyId(agencyFlag) : undefined;
      const role = values.role ? parseRole(values.role) : undefined;
      const { users, total } = await services.listUsers(me, { agencyId, role, search: values.search, pageSize: 50 });
      table([
        ['EMAIL', 'NAME', 'ROLE', 'AGENCY', 'STATUS', 'CHANNELS'],
        ...users.map((u) => [u.email, u.name ?? '-', u.role, u.agency?.name ?? '-', u.status, u.channels.join(',') || '-']),
      ]).forEach(print);
      if (total > users.length) print(`… ${total - users.length} more; narrow with --agency, --role or --search.`);
      return;
    }
    case 'user disable':
    case 'user enable': {
      const id = await services.findUserId(need('the user’s email'));
      const user = verb === 'disable' ? await services.disableUser(me, id) : await services.enableUser(me, id);
      print(`${user.email} is now ${user.status}.`);
      return;
    }
    case 'audit': {
      const limit = values.limit === undefined ? 20 : Number(values.limit);
      const rows = await services.listAuditLog(me, Number.isFinite(limit) ? limit : 20);
      table([
        ['AT', 'ACTOR', 'ACTION', 'TARGET'],
        ...rows.map((r) => [r.at.toISOString(), r.actor, r.action, `${r.targetType}:${r.targetId}`]),
      ]).forEach(print);
      return;
    }
    case 'apikey create': {
      const scope = lower(values.scope, API_KEY_SCOPES, '--scope', 'RECRUITER');
      if (values.scope === undefined) throw new UsageError('--scope owner|recruiter is required.');
      const created = await services.createApiKey(me, { name: need('the key name'), scope, userEmail: values.user });
      print(`Created API key ${created.name} (${created.scope}, id ${created.id}). Store it now; it is not shown again:`);
      print(created.key);
      return;
    }
    case 'apikey list': {
      const keys = await services.listApiKeys(me);
      table([
        ['ID', 'NAME', 'SCOPE', 'PREFIX', 'STATUS', 'LAST USED'],
        ...keys.map((k) => [
          k.id,
          k.name,
          k.scope,
          `${k.prefix}…`,
          k.revokedAt ? 'revoked' : 'active',
          k.lastUsedAt?.toISOString() ?? '-',
        ]),
      ]).forEach(print);
      return;
    }
    case 'apikey revoke': {
      const revoked = await services.revokeApiKey(me, need('the key id'));
      print(`Revoked API key ${revoked.name} (${revoked.id}).`);
      return;
    }
    case 'secrets rotate': {
      const { resealed, total } = await services.slackInstallations.reseal();
      print(`Re-sealed ${resealed} of ${total} Slack installations under the current key; the others already were.`);
      return;
    }
    case 'deliveries retry': {
      const ids = rest;
      const { retried } = await services.retryDeliveries(me, ids.length > 0 ? { ids } : {});
      print(
        retried.length === 0
          ? 'No failed deliveries to send again (`deliveries` lists them).'
          : `Sending ${retried.length} failed deliveries again; \`deliveries --status pending\` follows them.`,
      );
      return;
    }
    case 'deliveries': {
      const status = lower(values.status, ['FAILED', 'PENDING', 'SENT', 'ALL'] as const, '--status', 'FAILED');
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      const rows = await services.listDeliveries(me, {
        status: status.toLowerCase() as 'failed' | 'pending' | 'sent' | 'all',
        limit: Number.isInteger(limit) ? Math.min(Math.max(limit, 1), 200) : 50,
      });
      if (rows.length === 0) print(status === 'FAILED' ? 'No failed deliveries.' : 'No deliveries.');
      else
        table([
          ['CREATED', 'STATUS', 'KIND', 'CHANNEL', 'RECIPIENT', 'CANDIDATE', 'TRIES', 'LAST ERROR'],
          ...rows.map((d) => [
            d.createdAt.toISOString(),
            d.status,
            d.kind,
            d.channel,
            d.recipient.email,
            d.candidateRef === null ? '-' : `C-${d.candidateRef}`,
            String(d.attempts),
            (d.lastError ?? '-').slice(0, 60),
          ]),
        ]).forEach(print);
      return;
    }
    default:
      if (values.help || !area) {
        print(ADMIN_USAGE);
        return;
      }
      throw new UsageError(`Unknown command “${positionals.join(' ')}”.\n\n${ADMIN_USAGE}`);
  }
}

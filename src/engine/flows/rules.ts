import type { DuplicateRuleInput } from '../../services/campaigns';
import type { MessageKey } from '../../i18n';
import type { CommandArgs } from '../commands';
import type { Ctx, Replies } from '../context';
import { campaignNamed } from './campaign-named';
import { list, text } from '../reply';

const MATCH_WORDS: Record<string, DuplicateRuleInput['matchOn']> = {
  phone: 'PHONE',
  email: 'EMAIL',
  either: 'EITHER',
  any: 'EITHER',
  both: 'EITHER',
};
const ACTION_WORDS: Record<string, DuplicateRuleInput['crossAgency']> = { flag: 'FLAG', block: 'BLOCK' };
const MATCH_KEY: Record<DuplicateRuleInput['matchOn'], MessageKey> = {
  PHONE: 'rules.match.PHONE',
  EMAIL: 'rules.match.EMAIL',
  EITHER: 'rules.match.EITHER',
};
const ACTION_KEY: Record<DuplicateRuleInput['crossAgency'], MessageKey> = {
  FLAG: 'rules.action.FLAG',
  BLOCK: 'rules.action.BLOCK',
};

const OWNERSHIP_WORDS: Record<string, boolean> = { shown: true, show: true, hidden: false, hide: false };

/** The `rule` options that set what a match does, with the rule's field each sets. */
const RULE_ACTIONS = [
  ['cross', 'crossAgency'],
  ['same', 'sameAgency'],
  ['direct', 'directApplicant'],
] as const;

/** One rule in words: "6 months · match on phone or email · another agency’s match: block · …". */
export const describeRule = (ctx: Ctx, r: DuplicateRuleInput): string =>
  ctx.t('rules.describe', {
    months: r.windowMonths,
    match: ctx.t(MATCH_KEY[r.matchOn]),
    cross: ctx.t(ACTION_KEY[r.crossAgency]),
    same: ctx.t(ACTION_KEY[r.sameAgency]),
  }) +
  ctx.t('rules.describe.direct', { direct: ctx.t(ACTION_KEY[r.directApplicant]) }) +
  ` · ${ctx.t(r.showOwnershipEnd ? 'rules.ownership.shown' : 'rules.ownership.hidden')}`;

/** `rules`: the global default and every campaign's own rule (owners). */
export async function onRules(ctx: Ctx): Promise<Replies> {
  const rules = await ctx.services.listDuplicateRules(ctx.user.userId);
  const global = describeRule(ctx, rules.global) + (rules.global.builtIn ? ctx.t('rules.builtIn') : '');
  return [
    list({
      title: ctx.t('rules.title'),
      summary: ctx.t('rules.howToSet'),
      items: [
        { title: ctx.t('rules.global'), subtitle: global },
        ...rules.campaigns.map((c) => ({ title: c.campaign, subtitle: describeRule(ctx, c) })),
      ],
      page: 1,
      pageCount: 1,
      emptyText: '',
    }),
  ];
}

/**
 * `rule [campaign:"Name"] [window:6] [match:…] [cross:…] [same:…] [ownership:shown|hidden]`: sets the campaign's rule (or the
 * global default); what is not named keeps the value in force for that campaign.
 */
export async function onRule(ctx: Ctx, args: CommandArgs<'rule'>): Promise<Replies> {
  const changes: Partial<DuplicateRuleInput> = {};
  if (args.window !== undefined) {
    const months = /^(\d{1,2})(m|months?)?$/i.exec(args.window.trim());
    if (!months) return [text(ctx.t('rules.bad.window', { word: args.window }))];
    changes.windowMonths = Number(months[1]);
  }
  if (args.match !== undefined) {
    const matchOn = MATCH_WORDS[args.match.toLowerCase()];
    if (!matchOn) return [text(ctx.t('rules.bad.match', { word: args.match }))];
    changes.matchOn = matchOn;
  }
  for (const [side, field] of RULE_ACTIONS) {
    const word = args[side];
    if (word === undefined) continue;
    const action = ACTION_WORDS[word.toLowerCase()];
    if (!action) return [text(ctx.t('rules.bad.action', { word, option: side }))];
    changes[field] = action;
  }
  if (args.ownership !== undefined) {
    const shown = OWNERSHIP_WORDS[args.ownership.toLowerCase()];
    if (shown === undefined) return [text(ctx.t('rules.bad.ownership', { word: args.ownership }))];
    changes.showOwnershipEnd = shown;
  }
  if (Object.keys(changes).length === 0) return [text(ctx.t('rules.nothing'))];

  const rules = await ctx.services.listDuplicateRules(ctx.user.userId);
  let campaign: { id: string; name: string } | null = null;
  if (args.campaign && args.scope) return [text(ctx.t('rules.nothing'))];
  if (args.campaign) {
    const found = await campaignNamed(ctx, args.campaign);
    if ('refusal' in found) return found.refusal;
    campaign = found;
  }
  const own = campaign ? rules.campaigns.find((c) => c.campaignId === campaign.id) : undefined;
  const current = own ?? rules.global;
  const rule: DuplicateRuleInput = {
    windowMonths: current.windowMonths,
    matchOn: current.matchOn,
    crossAgency: current.crossAgency,
    sameAgency: current.sameAgency,
    showOwnershipEnd: current.showOwnershipEnd,
    directApplicant: current.directApplicant,
    ...changes,
  };
  await ctx.services.setDuplicateRule(ctx.user.userId, campaign?.id ?? null, rule);
  return [
    text(
      ctx.t(campaign ? 'rules.saved' : 'rules.savedGlobal', { campaign: campaign?.name ?? '', rule: describeRule(ctx, rule) }),
    ),
  ];
}

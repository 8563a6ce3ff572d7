import { z } from 'zod';
import type { Role } from '../domain/permissions';
import { t, type MessageKey } from '../i18n';
import { en } from '../i18n/en';
import { parseCandidateRef } from '../services/candidates';
import { FILTER_OUTCOMES, STAGES, type FilterOutcome, type StageName } from '../services/dashboards';
import { layoutArgs, type ArgLayout } from './args';

/**
 * Every command, declared once: the help menu, permission checks and the platform manifests all
 * come from this list, so a user only ever sees what their role may use.
 */
const ALL: readonly Role[] = ['OWNER', 'AGENCY_ADMIN', 'AGENCY_USER', 'RECRUITER'];
const AGENCY: readonly Role[] = ['AGENCY_ADMIN', 'AGENCY_USER'];
const MANAGERS: readonly Role[] = ['OWNER', 'AGENCY_ADMIN'];
const OWNER: readonly Role[] = ['OWNER'];
const STAGE_SETTERS: readonly Role[] = ['OWNER', 'RECRUITER'];
const EMPLOYER: readonly Role[] = ['OWNER', 'RECRUITER'];

const refArg = z
  .string()
  .transform((s) => parseCandidateRef(s))
  .refine((n): n is number => n !== null)
  .transform((n) => n as number);
const word = z.string().trim().min(1);
// A word past the last positional argument means the command was mistyped.
const noExtra = { _extra: z.never().optional() };

const OUTCOME_WORDS: Record<string, FilterOutcome> = {
  added: 'ADDED',
  new: 'ADDED',
  previously_submitted: 'PREVIOUSLY_SUBMITTED',
  previous: 'PREVIOUSLY_SUBMITTED',
  previously: 'PREVIOUSLY_SUBMITTED',
  duplicate: 'DUPLICATE',
  dup: 'DUPLICATE',
  blocked: 'BLOCKED',
  already_in_system: 'ALREADY_IN_SYSTEM',
  insystem: 'ALREADY_IN_SYSTEM',
  direct: 'ALREADY_IN_SYSTEM',
};
/** The outcome filter's word (`outcome:dup`), or null: the dashboard then lists the words it knows. */
export const outcomeFromWord = (word: string): FilterOutcome | null => {
  const outcome = OUTCOME_WORDS[word.toLowerCase()] ?? word.toUpperCase();
  return (FILTER_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as FilterOutcome) : null;
};
export const OUTCOME_FILTER_WORDS = ['added', 'previous', 'duplicate', 'insystem', 'blocked'] as const;
export const stageFromWord = (word: string): StageName | null => {
  const stage = word.toUpperCase();
  return (STAGES as readonly string[]).includes(stage) ? (stage as StageName) : null;
};
const stageArg = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(STAGES));

// Outcome, stage and period words are checked by the dashboard, which answers a wrong one with the
// words it knows (`stage:foo` lists the stages) instead of the whole usage line.
const dashboardArgs = z.object({
  search: z.string().optional(),
  outcome: z.string().optional(),
  stage: z.string().optional(),
  agency: z.string().optional(),
  campaign: z.string().optional(),
  period: z.string().optional(),
});
const DASH_LAYOUT: ArgLayout = {
  positional: ['search*'],
  options: ['outcome', 'stage', 'agency', 'campaign', 'period'],
};

interface SpecDef<S extends z.ZodType> {
  aliases: readonly string[];
  help: MessageKey;
  /** The help line for a role the command does something else for (`candidates` of a recruiter). */
  helpFor?: Partial<Record<Role, MessageKey>>;
  usage: string;
  roles: readonly Role[];
  layout: ArgLayout;
  args: S;
  /** Works for people the bot does not know yet (invitation redemption). */
  public?: boolean;
  /** Recognised as a bare word even inside a dialog (`cancel`, `back`, `help`). */
  control?: boolean;
}

const spec = <S extends z.ZodType>(d: SpecDef<S>): SpecDef<S> => d;
const none = { positional: [] } as const;
const empty = z.object({ ...noExtra });

export const COMMAND_SPECS = {
  help: spec({
    aliases: ['menu', '?', 'commands'],
    help: 'cmd.help',
    usage: 'help',
    roles: ALL,
    layout: none,
    args: z.object({}),
    control: true,
  }),
  submit: spec({
    aliases: ['new', 'endorse', 'add'],
    help: 'cmd.submit',
    usage: 'submit [name phone email]',
    roles: AGENCY,
    // What follows the word (`submit Jane Dela Cruz +63 917 123 4567 jane@x.com`) pre-fills the draft.
    layout: { positional: ['details*'] },
    args: z.object({ details: z.string().optional() }),
  }),
  cancel: spec({
    aliases: ['stop', 'quit'],
    help: 'cmd.cancel',
    usage: 'cancel',
    roles: ALL,
    layout: none,
    args: z.object({}),
    control: true,
  }),
  back: spec({
    aliases: ['previous'],
    help: 'cmd.back',
    usage: 'back',
    roles: ALL,
    layout: none,
    args: z.object({}),
    control: true,
  }),
  candidates: spec({
    aliases: ['mine', 'my', 'list', 'search', 'find'],
    help: 'cmd.candidates',
    helpFor: { RECRUITER: 'cmd.candidates.recruiter', OWNER: 'cmd.candidates.owner' },
    usage: 'candidates [search] [outcome:duplicate] [stage:new] [campaign:"Name"] [period:90]',
    roles: ALL,
    layout: DASH_LAYOUT,
    args: dashboardArgs,
  }),
  pool: spec({
    aliases: ['agencypool'],
    help: 'cmd.pool',
    helpFor: { OWNER: 'cmd.pool.owner' },
    usage: 'pool [search] [outcome:…] [stage:…] [campaign:"Name"] [agency:"Name"|all] [period:90]',
    roles: MANAGERS,
    layout: DASH_LAYOUT,
    args: dashboardArgs,
  }),
  candidate: spec({
    aliases: ['profile', 'show', 'open'],
    help: 'cmd.candidate',
    usage: 'candidate C-1042',
    roles: ALL,
    layout: { positional: ['ref'] },
    args: z.object({ ref: refArg, ...noExtra }),
  }),
  comment: spec({
    aliases: ['note'],
    help: 'cmd.comment',
    usage: 'comment C-1042 your text',
    roles: ALL,
    layout: { positional: ['ref', 'text*'] },
    args: z.object({ ref: refArg, text: word }),
  }),
  stage: spec({
    aliases: ['move'],
    help: 'cmd.stage',
    usage: `stage C-1042 ${STAGES.join('|').toLowerCase()}`,
    roles: STAGE_SETTERS,
    layout: { positional: ['ref', 'stage'] },
    args: z.object({ ref: refArg, stage: stageArg, ...noExtra }),
  }),
  users: spec({
    aliases: ['people', 'team'],
    help: 'cmd.users',
    usage: 'users [search] [role:agency_user] [agency:"Name"] [country:PH]',
    roles: MANAGERS,
    layout: { positional: ['search*'], options: ['role', 'agency', 'country'] },
    args: z.object({
      search: z.string().optional(),
      role: z.string().optional(),
      agency: z.string().optional(),
      country: z.string().optional(),
    }),
  }),
  user: spec({
    aliases: [],
    help: 'cmd.user',
    usage: 'user jane@example.com',
    roles: MANAGERS,
    layout: { positional: ['who'] },
    args: z.object({ who: word, ...noExtra }),
  }),
  rename: spec({
    aliases: [],
    help: 'cmd.rename',
    usage: 'rename jane@example.com New Name',
    roles: MANAGERS,
    layout: { positional: ['who', 'name*'] },
    args: z.object({ who: word, name: word }),
  }),
  disable: spec({
    aliases: ['deactivate'],
    help: 'cmd.disable',
    usage: 'disable jane@example.com',
    roles: MANAGERS,
    layout: { positional: ['who'] },
    args: z.object({ who: word, ...noExtra }),
  }),
  enable: spec({
    aliases: ['reactivate'],
    help: 'cmd.enable',
    usage: 'enable jane@example.com',
    roles: MANAGERS,
    layout: { positional: ['who'] },
    args: z.object({ who: word, ...noExtra }),
  }),
  rules: spec({ aliases: ['duplicaterules'], help: 'cmd.rules', usage: 'rules', roles: OWNER, layout: none, args: empty }),
  rule: spec({
    aliases: [],
    help: 'cmd.rule',
    usage:
      'rule [campaign:"Name"] [window:6] [match:phone|email|either] [cross:flag|block] [same:flag|block] [direct:flag|block] [ownership:shown|hidden]',
    roles: OWNER,
    layout: { positional: ['scope'], options: ['campaign', 'window', 'match', 'cross', 'same', 'direct', 'ownership'] },
    args: z.object({
      // `rule default …` / `rule global …` say outright what leaving the campaign out means.
      scope: z
        .string()
        .transform((s) => s.toLowerCase())
        .pipe(z.enum(['default', 'global']))
        .optional(),
      campaign: z.string().optional(),
      window: z.string().optional(),
      match: z.string().optional(),
      cross: z.string().optional(),
      same: z.string().optional(),
      // Whether other agencies are told when a hold ends (the holder always is).
      ownership: z.string().optional(),
      /** A submission of someone the employer's ATS registered first (ALREADY_IN_SYSTEM). */
      direct: z.string().optional(),
      ...noExtra,
    }),
  }),
  agencies: spec({ aliases: [], help: 'cmd.agencies', usage: 'agencies', roles: OWNER, layout: none, args: empty }),
  deliveries: spec({
    aliases: [],
    help: 'cmd.deliveries',
    usage: 'deliveries [retry]',
    roles: OWNER,
    layout: { positional: ['action'] },
    args: z.object({ action: z.enum(['retry']).optional(), ...noExtra }),
  }),
  agency: spec({
    aliases: [],
    help: 'cmd.agency',
    usage: 'agency disable|enable Agency Name',
    roles: OWNER,
    layout: { positional: ['action', 'name*'] },
    args: z.object({ action: z.enum(['disable', 'enable']), name: word }),
  }),
  invite: spec({
    aliases: [],
    help: 'cmd.invite',
    usage: 'invite jane@example.com agency_user [Agency Name] [name:"Jane Dela Cruz"]',
    roles: MANAGERS,
    layout: { positional: ['email', 'role', 'agency*'], options: ['name'] },
    args: z.object({ email: word, role: word, agency: z.string().optional(), name: z.string().optional() }),
  }),
  start: spec({
    aliases: ['link'],
    help: 'cmd.start',
    usage: 'link <code from your invitation>',
    roles: ALL,
    layout: { positional: ['token'] },
    args: z.object({ token: z.string().optional(), ...noExtra }),
    public: true,
  }),
  campaigns: spec({
    aliases: ['campaign'],
    help: 'cmd.campaigns',
    helpFor: { RECRUITER: 'cmd.campaigns.all', OWNER: 'cmd.campaigns.all' },
    usage: 'campaigns',
    roles: ALL,
    layout: none,
    args: z.object({}),
  }),
  dispute: spec({
    aliases: ['contest'],
    help: 'cmd.dispute',
    usage: 'dispute S-1a2b3c4d [your reason]',
    roles: AGENCY,
    layout: { positional: ['ref', 'reason*'] },
    args: z.object({ ref: word, reason: z.string().optional() }),
  }),
  disputes: spec({
    aliases: [],
    help: 'cmd.disputes',
    usage: 'disputes [status:open|upheld|transferred|all] [outcome:duplicate|blocked|insystem] [campaign:"Name"] [agency:"Name"]',
    roles: EMPLOYER,
    layout: { positional: [], options: ['status', 'outcome', 'campaign', 'agency'] },
    args: z.object({
      status: z.string().optional(),
      outcome: z.string().optional(),
      campaign: z.string().optional(),
      agency: z.string().optional(),
      ...noExtra,
    }),
  }),
  decide: spec({
    aliases: [],
    help: 'cmd.decide',
    usage: 'decide D-12 uphold|transfer [your reason]',
    roles: EMPLOYER,
    layout: { positional: ['ref', 'decision', 'reason*'] },
    args: z.object({
      ref: word,
      decision: z
        .string()
        .transform((s) => s.toLowerCase())
        .pipe(z.enum(['uphold', 'transfer'])),
      reason: z.string().optional(),
    }),
  }),
  language: spec({
    aliases: ['lang', 'idioma', 'wika'],
    help: 'cmd.language',
    usage: 'language [en|es|pt-BR|fil]',
    roles: ALL,
    layout: { positional: ['language'] },
    args: z.object({ language: z.string().optional(), ...noExtra }),
    control: true,
  }),
  digest: spec({
    aliases: ['summary'],
    help: 'cmd.digest',
    usage: 'digest [on|off|status]',
    roles: AGENCY,
    layout: { positional: ['action'] },
    args: z.object({
      action: z
        .string()
        .transform((s) => s.toLowerCase())
        .pipe(z.enum(['on', 'off', 'status']))
        .default('status'),
      ...noExtra,
    }),
  }),
};

export type CommandName = keyof typeof COMMAND_SPECS;
export type CommandArgs<K extends CommandName> = z.output<(typeof COMMAND_SPECS)[K]['args']>;

/** The public shape of a command, for the help menu and platform manifests. */
export interface CommandSpec {
  name: CommandName;
  aliases: readonly string[];
  /** One line, English (manifests); the engine shows `helpKey` in the user's locale. */
  help: string;
  helpKey: MessageKey;
  /** Role-specific help lines, where the command means more (or less) for that role. */
  helpFor: Partial<Record<Role, MessageKey>>;
  usage: string;
  roles: readonly Role[];
  args: z.ZodType;
}

export const commands: readonly CommandSpec[] = (Object.keys(COMMAND_SPECS) as CommandName[]).map((name) => {
  const s = COMMAND_SPECS[name];
  const helpFor: Partial<Record<Role, MessageKey>> = ('helpFor' in s ? s.helpFor : undefined) ?? {};
  return { name, aliases: s.aliases, help: en[s.help], helpKey: s.help, helpFor, usage: s.usage, roles: s.roles, args: s.args };
});

/**
 * A usage line for people reading `locale`: the command words and option names stay as typed
 * (`candidates`, `stage:`, `agency:`), the stand-ins for what the person fills in are translated
 * (`[search]` → `[búsqueda]`, `your text` → `tu texto`).
 */
export function usageIn(locale: string, usage: string): string {
  return usage
    .replace('[name phone email]', `[${t(locale, 'usage.namePhoneEmail')}]`)
    .replace('[search]', `[${t(locale, 'usage.search')}]`)
    .replace('<code from your invitation>', `<${t(locale, 'usage.code')}>`)
    .replace('your reason', t(locale, 'usage.reason'))
    .replace('your text', t(locale, 'usage.text'))
    .replace('New Name', t(locale, 'usage.newName'))
    .replace('Agency Name', t(locale, 'usage.agencyName'))
    .replace(/"Name"/g, `"${t(locale, 'usage.name')}"`);
}

/** The same commands with their one-line help in `locale` (Telegram's and Teams' menus per language). */
export const commandsIn = (locale: string): readonly CommandSpec[] => commands.map((c) => ({ ...c, help: t(locale, c.helpKey) }));

const byWord = new Map<string, CommandName>();
for (const c of commands) for (const w of [c.name, ...c.aliases]) byWord.set(w, c.name);

export function findCommand(word: string): CommandName | null {
  return byWord.get(word.toLowerCase()) ?? null;
}

export const isControl = (name: CommandName): boolean => 'control' in COMMAND_SPECS[name];
export const isPublic = (name: CommandName): boolean => 'public' in COMMAND_SPECS[name];
export const allowedFor = (name: CommandName, role: Role): boolean => COMMAND_SPECS[name].roles.includes(role);

export function parseArgs<K extends CommandName>(name: K, raw: string): CommandArgs<K> | null {
  const s = COMMAND_SPECS[name];
  const parsed = s.args.safeParse(layoutArgs(raw, s.layout));
  return parsed.success ? (parsed.data as CommandArgs<K>) : null;
}

export interface CommandText {
  name: CommandName;
  args: string;
  /** Typed with a slash (or a platform command): a command even in the middle of a dialog. */
  explicit: boolean;
}

/** `submit`, `/submit`, `Submit`, `/start@EndorseBot token`, `endorse submit` → a command. */
export function parseCommandText(input: string): CommandText | null {
  let text = input.trim();
  const explicit = text.startsWith('/');
  if (explicit) text = text.slice(1);
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  if (!match?.[1]) return null;
  const head = match[1].replace(/@\S+$/, '');
  if (head.toLowerCase() === 'endorse' && match[2]) {
    const inner = parseCommandText(match[2]);
    return inner ? { ...inner, explicit: true } : null;
  }
  const name = findCommand(head);
  return name ? { name, args: match[2] ?? '', explicit } : null;
}

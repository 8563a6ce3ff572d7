import type { Role } from '../../src/domain/permissions';

/** One entry of a Teams bot's command menu (manifest `bots[].commandLists[].commands`). */
export interface TeamsCommand {
  title: string;
  description: string;
}

/** Teams' limits (manifest schema v1.17): 10 commands per list, title ≤ 32, description ≤ 128. */
export const COMMANDS_MAX = 10;
const TITLE_MAX_CHARS = 32;
const DESCRIPTION_MAX_CHARS = 128;

/** Typed mid-dialog (`cancel`, `back`): they need no menu entry. */
const CONTROL = new Set(['cancel', 'back']);
/** Teams users redeem an invitation with `link <token>` (DESIGN §2), the alias of `start`. */
const TITLES: Record<string, string> = { start: 'link' };
/** The people Endorse's Teams app is for: agency users first, then what their admins add. */
const AUDIENCE: readonly Role[] = ['AGENCY_USER', 'AGENCY_ADMIN'];

interface EngineCommand {
  name: string;
  help: string;
  roles: readonly Role[];
}

/**
 * The engine's declared commands as the Teams menu: agency users' commands in the engine's order,
 * then the ones only their admins have, capped at Teams' 10 (the rest stay typed-only, listed by
 * `help`). Source of manifests/teams/manifest.json's commandLists (scripts/teams-manifest.ts).
 */
export function toTeamsCommands(commands: readonly EngineCommand[]): TeamsCommand[] {
  const picked: EngineCommand[] = [];
  for (const role of AUDIENCE)
    for (const c of commands) if (!CONTROL.has(c.name) && c.roles.includes(role) && !picked.includes(c)) picked.push(c);
  return picked.slice(0, COMMANDS_MAX).map((c) => ({
    title: (TITLES[c.name] ?? c.name).slice(0, TITLE_MAX_CHARS),
    description: c.help.slice(0, DESCRIPTION_MAX_CHARS),
  }));
}

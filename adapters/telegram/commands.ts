/** One entry of Telegram's command menu (setMyCommands). */
export interface BotCommand {
  command: string;
  description: string;
}

/** Telegram's rules: 1–32 of a–z 0–9 _, description 1–256 characters. */
const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
const DESCRIPTION_MAX_CHARS = 256;
/** `/start` is Telegram's own (the Start button, deep links); it needs no menu entry. */
const HIDDEN = new Set(['start']);

/**
 * The engine's declared commands as Telegram's menu, in the engine's order: the source of
 * manifests/telegram/commands.json and of setMyCommands (aliases stay typed-only).
 */
export function toBotCommands(commands: readonly { name: string; help: string }[]): BotCommand[] {
  return commands
    .filter((c) => !HIDDEN.has(c.name) && COMMAND_NAME.test(c.name))
    .map((c) => ({ command: c.name, description: c.help.slice(0, DESCRIPTION_MAX_CHARS) }));
}

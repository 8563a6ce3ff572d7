/** One entry of Telegram's command menu (setMyCommands). */
export interface BotCommand {
  command: string;
  description: string;
}

/**
 * Our languages as Telegram's `language_code` for setMyCommands (ISO 639-1: Filipino has no
 * two-letter code, so Tagalog's `tl`, which Telegram reports for Filipino users, stands for it).
 */
export const TELEGRAM_LANGUAGE_CODES: Record<string, string> = { es: 'es', 'pt-BR': 'pt', fil: 'tl' };

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

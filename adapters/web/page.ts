import { readFileSync } from 'node:fs';
import path from 'node:path';
import { en, type MessageKey } from '../../src/i18n/en';
import { t, type Language } from '../../src/i18n';
import { escapeHtml } from '../../src/http/invite-page';

const TEMPLATE_PATH = path.join(__dirname, 'public', 'chat.html');

/** Every `web.*` key: the page's own words, which chat.js reads from the page (no second request). */
const WEB_KEYS = (Object.keys(en) as MessageKey[]).filter((key) => key.startsWith('web.'));

/**
 * The chat page in `language`: `{{key}}` markers of chat.html filled from the catalogue (escaped),
 * `<html lang>` set, and the words chat.js needs as a JSON data block (not a script: the CSP's
 * `script-src 'self'` stays as it is). Pure apart from reading the template, once per process.
 */
export function renderChatPage(language: Language, template: string = chatTemplate()): string {
  const strings = Object.fromEntries(WEB_KEYS.map((key) => [key, t(language, key)]));
  // `<` escaped, so no text in the catalogue can close the data block.
  const json = JSON.stringify({ lang: language, strings }).replace(/</g, '\\u003c');
  return template.replace(/\{\{([\w.]+)\}\}/g, (whole, key: string) => {
    if (key === 'lang') return language;
    if (key === 'strings') return json;
    return key in en ? escapeHtml(t(language, key as MessageKey)) : whole;
  });
}

let template: string | undefined;
function chatTemplate(): string {
  template ??= readFileSync(TEMPLATE_PATH, 'utf8');
  return template;
}

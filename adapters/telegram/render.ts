import type { Choice, MessageBody, OutboundMessage } from '../../src/engine/messages';
import { splitText } from '../shared/split-text';
import type { ButtonAction } from './callback-data';

/** Telegram's limit for a message's text after entity parsing. */
export const TEXT_MAX_CHARS = 4096;
/** Room kept under the limit for the markup and a "…" marker. */
const TEXT_BUDGET_CHARS = 3900;
/** Longer button labels are cut: phones show about this much on one row. */
const BUTTON_LABEL_MAX_CHARS = 48;
/** Labels this short share a row (Confirm / Edit / Cancel); longer ones get a row each. */
const SHORT_LABEL_CHARS = 14;
const SHORT_PER_ROW = 3;

export interface InlineButton {
  text: string;
  callback_data: string;
}

/** The sendMessage / editMessageText body, without chat_id. */
export interface RenderedMessage {
  text: string;
  parse_mode: 'HTML';
  reply_markup?: { inline_keyboard: InlineButton[][] };
  link_preview_options: { is_disabled: true };
}

/** How a button's action becomes callback_data (see CallbackDataCodec). */
export type EncodeAction = (action: ButtonAction) => string;

/** Escapes text for Telegram's HTML parse mode: everything not written by us goes through here. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const clip = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);
const bold = (value: string) => `<b>${escapeHtml(value)}</b>`;
const italic = (value: string) => `<i>${escapeHtml(value)}</i>`;

/**
 * OutboundMessage → the Telegram messages that carry it. A text longer than one message (a relayed
 * 4,000-character comment with its header) goes in parts, the buttons on the last, never cut;
 * other bodies fit one message by design (lists page, cards keep their fields short).
 */
export function renderMessages(message: OutboundMessage, encode: EncodeAction): RenderedMessage[] {
  const body = message.body;
  if (body.type !== 'text' && body.type !== 'choices' && body.type !== 'file_request') return [renderMessage(message, encode)];
  const parts = splitText(body.text, TEXT_BUDGET_CHARS, (s) => escapeHtml(s).length);
  if (parts.length === 1) return [renderMessage(message, encode)];
  return parts.map((part, i) =>
    renderMessage({ ...message, body: i === parts.length - 1 ? { ...body, text: part } : { type: 'text', text: part } }, encode),
  );
}

/** OutboundMessage → inline-keyboard HTML message (pure; STYLE.md §9). */
export function renderMessage(message: OutboundMessage, encode: EncodeAction): RenderedMessage {
  const { text, rows } = renderBody(message.body, encode);
  const rendered: RenderedMessage = { text: text || '…', parse_mode: 'HTML', link_preview_options: { is_disabled: true } };
  if (rows.length > 0) rendered.reply_markup = { inline_keyboard: rows };
  return rendered;
}

function renderBody(body: MessageBody, encode: EncodeAction): { text: string; rows: InlineButton[][] } {
  switch (body.type) {
    case 'text':
      return { text: escapeHtml(clip(body.text, TEXT_BUDGET_CHARS)), rows: [] };
    case 'choices':
      return { text: escapeHtml(clip(body.text, TEXT_BUDGET_CHARS)), rows: choiceRows(body.choices, encode) };
    case 'form':
      // capabilities.forms is false, so the engine asks field by field; this is the safety net.
      return { text: [bold(body.title), escapeHtml(clip(body.fallbackText, TEXT_BUDGET_CHARS))].join('\n\n'), rows: [] };
    case 'card': {
      const head = [bold(body.title), ...(body.subtitle ? [italic(body.subtitle)] : [])].join('\n');
      const fields = body.fields.map((f) => `${bold(`${f.label}:`)} ${escapeHtml(clip(f.value, 500))}`).join('\n');
      const parts = [head, fields, body.text ? escapeHtml(clip(body.text, 1500)) : ''].filter(Boolean);
      return { text: parts.join('\n\n'), rows: choiceRows(body.choices, encode) };
    }
    case 'list':
      return renderList(body, encode);
    case 'file_request':
      return { text: escapeHtml(clip(body.text, TEXT_BUDGET_CHARS)), rows: choiceRows(body.choices, encode) };
  }
}

function renderList(body: Extract<MessageBody, { type: 'list' }>, encode: EncodeAction) {
  const pageLabel = body.pageCount > 1 ? ` (${body.page}/${body.pageCount})` : '';
  const lines = [`${bold(body.title)}${pageLabel}`];
  if (body.summary) lines.push(escapeHtml(body.summary));
  lines.push('');
  if (body.items.length === 0) lines.push(escapeHtml(body.emptyText));
  const rows: InlineButton[][] = [];
  let length = lines.join('\n').length;
  for (const item of body.items) {
    const line = `• ${bold(item.title)}${item.subtitle ? `\n   ${escapeHtml(item.subtitle)}` : ''}`;
    // A page never outgrows one message: the rest is one tap away on the next page.
    if (length + line.length + 1 > TEXT_BUDGET_CHARS) {
      lines.push('…');
      break;
    }
    lines.push(line);
    length += line.length + 1;
    // The row's button names the row; one that does more than open it (a Dispute) says so first.
    const label = item.actionLabel ? `${item.actionLabel}: ${item.title}` : item.title;
    if (item.actionId) rows.push([button({ actionId: item.actionId, label }, encode)]);
  }
  // Paging buttons side by side under the items.
  if (body.choices.length > 0) rows.push(body.choices.map((c) => button(c, encode)));
  return { text: lines.join('\n'), rows };
}

function button(c: Pick<Choice, 'actionId' | 'label' | 'value'>, encode: EncodeAction): InlineButton {
  const action = c.value === undefined ? { actionId: c.actionId } : { actionId: c.actionId, value: c.value };
  return { text: clip(c.label, BUTTON_LABEL_MAX_CHARS), callback_data: encode(action) };
}

function choiceRows(choices: readonly Choice[], encode: EncodeAction): InlineButton[][] {
  const rows: InlineButton[][] = [];
  let row: InlineButton[] = [];
  for (const c of choices) {
    const short = c.label.length <= SHORT_LABEL_CHARS;
    if (!short || row.length >= SHORT_PER_ROW) {
      if (row.length > 0) rows.push(row);
      row = [];
    }
    if (!short) {
      rows.push([button(c, encode)]);
      continue;
    }
    row.push(button(c, encode));
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

import type { Choice, FormField, MessageBody, OutboundMessage } from '../../src/engine/messages';
import { splitText } from '../shared/split-text';
import { encodeActionId, encodeOption, FORM_CALLBACK_PREFIX } from './parse';

/**
 * OutboundMessage → Block Kit (pure; STYLE.md §9). Everything that did not come from us is
 * escaped for mrkdwn, and Slack's limits are kept: 50 blocks a message, 3000 characters a section,
 * 10 fields, 75-character button labels, 25 elements an actions block, 100 select options.
 */
export type Block = Record<string, unknown>;
export interface RenderedMessage {
  /** The notification / screen-reader fallback; also what a client without blocks shows. */
  text: string;
  blocks: Block[];
}

const SECTION_MAX_CHARS = 2900;
const FIELD_MAX_CHARS = 1900;
const FIELDS_MAX = 10;
const BLOCKS_MAX = 50;
const BUTTON_LABEL_MAX = 75;
const ACTIONS_MAX = 25;
/** More choices than this become one static_select (campaigns), fewer stay buttons. */
const BUTTONS_BEFORE_SELECT = 5;
const OPTIONS_MAX = 100;
const FALLBACK_MAX_CHARS = 3000;
const MODAL_TITLE_MAX = 24;

/** Slack's mrkdwn control characters: `&`, `<` and `>` (so `<!channel>` or `<http://x|y>` cannot be injected). */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const clip = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);
const plain = (value: string, max = BUTTON_LABEL_MAX) => ({ type: 'plain_text', text: clip(value, max) || ' ', emoji: true });
const mrkdwn = (value: string) => ({ type: 'mrkdwn', text: clip(value, SECTION_MAX_CHARS) || ' ' });
const section = (markup: string): Block => ({ type: 'section', text: mrkdwn(markup) });
/** A long text as several sections (3,000 characters each at most), so it arrives whole, not cut. */
const sections = (value: string): Block[] =>
  splitText(value, SECTION_MAX_CHARS, (s) => escapeMrkdwn(s).length).map((part) => section(escapeMrkdwn(part)));
const context = (markup: string): Block => ({ type: 'context', elements: [mrkdwn(markup)] });
const bold = (value: string) => `*${escapeMrkdwn(value)}*`;

export function renderMessage(message: OutboundMessage): RenderedMessage {
  const blocks = renderBody(message.body, message.labels);
  return { text: clip(fallbackText(message.body), FALLBACK_MAX_CHARS), blocks: blocks.slice(0, BLOCKS_MAX) };
}

/** The words the engine gave for the reader's language (OutboundMessage.labels); English when absent. */
type Labels = NonNullable<OutboundMessage['labels']>;

function renderBody(body: MessageBody, labels: Labels = {}): Block[] {
  switch (body.type) {
    case 'text':
      return sections(body.text);
    case 'choices':
      return [...sections(body.text), ...choiceBlocks(body.choices, labels)];
    case 'form':
      // A form arrived without a trigger to open a modal with: a button asks for one.
      return [
        section(`${bold(body.title)}${body.text ? `\n${escapeMrkdwn(body.text)}` : ''}`),
        ...choiceBlocks([{ actionId: 'submit', label: `📝 ${body.title}`, style: 'primary' }], labels),
      ];
    case 'card': {
      const head = [bold(body.title), ...(body.subtitle ? [`_${escapeMrkdwn(body.subtitle)}_`] : [])].join('\n');
      const blocks: Block[] = [section(head)];
      const fields = body.fields.map((f) => mrkdwn(`${bold(f.label)}\n${escapeMrkdwn(clip(f.value, FIELD_MAX_CHARS))}`));
      // A section holds at most 10 fields: a longer card (a profile) continues in the next section.
      for (let i = 0; i < fields.length; i += FIELDS_MAX)
        blocks.push({ type: 'section', fields: fields.slice(i, i + FIELDS_MAX) });
      if (body.text) blocks.push(...sections(body.text));
      return [...blocks, ...choiceBlocks(body.choices, labels)];
    }
    case 'list':
      return renderList(body, labels);
    case 'file_request':
      return [
        ...sections(body.text),
        context(
          labels.fileHint ??
            `📎 ${body.accept.map((a) => (a === 'image' ? 'a photo' : a.toUpperCase())).join(' or ')}, up to ${Math.round(body.maxBytes / 1048576)} MB: drop the file in this chat.`,
        ),
        ...choiceBlocks(body.choices, labels),
      ];
  }
}

function renderList(body: Extract<MessageBody, { type: 'list' }>, labels: Labels): Block[] {
  const pageLabel = body.pageCount > 1 ? ` (${body.page}/${body.pageCount})` : '';
  const blocks: Block[] = [section(`${bold(body.title)}${pageLabel}`)];
  if (body.summary) blocks.push(context(escapeMrkdwn(body.summary)));
  if (body.items.length === 0) blocks.push(section(escapeMrkdwn(body.emptyText)));
  body.items.forEach((item, i) => {
    // Room is kept for the paging buttons: the rest of a long page is one tap away.
    if (blocks.length >= BLOCKS_MAX - 2) return;
    const block: Block = section(`${bold(item.title)}${item.subtitle ? `\n${escapeMrkdwn(item.subtitle)}` : ''}`);
    if (item.actionId)
      block.accessory = button(
        { actionId: item.actionId, label: item.actionLabel ?? labels.open ?? 'Open', style: 'default' },
        i,
      );
    blocks.push(block);
  });
  return [...blocks, ...choiceBlocks(body.choices, labels)];
}

function button(c: Pick<Choice, 'actionId' | 'label' | 'value' | 'style'>, index: number): Block {
  return {
    type: 'button',
    action_id: encodeActionId(c.actionId, index),
    text: plain(c.label),
    ...(c.value !== undefined ? { value: c.value } : {}),
    ...(c.style && c.style !== 'default' ? { style: c.style } : {}),
  };
}

function choiceBlocks(choices: readonly Pick<Choice, 'actionId' | 'label' | 'value' | 'style'>[], labels: Labels): Block[] {
  if (choices.length === 0) return [];
  if (choices.length > BUTTONS_BEFORE_SELECT) {
    // Many choices (campaigns): one menu instead of a wall of buttons.
    const options = choices
      .slice(0, OPTIONS_MAX)
      .map((c) => ({ text: plain(c.label), value: encodeOption(c.actionId, c.value) }));
    return [
      {
        type: 'actions',
        elements: [{ type: 'static_select', action_id: 'pick#0', placeholder: plain(labels.choose ?? 'Choose…'), options }],
      },
    ];
  }
  return [{ type: 'actions', elements: choices.slice(0, ACTIONS_MAX).map((c, i) => button(c, i + 100)) }];
}

/** The message as plain text (notifications, the `text` field); still escaped, Slack parses it too. */
export function fallbackText(body: MessageBody): string {
  switch (body.type) {
    case 'text':
    case 'choices':
    case 'file_request':
      return escapeMrkdwn(body.text);
    case 'form':
      return escapeMrkdwn(body.title);
    case 'card':
      return escapeMrkdwn(
        [body.title, ...body.fields.map((f) => `${f.label}: ${f.value}`), body.text ?? ''].filter(Boolean).join('\n'),
      );
    case 'list':
      return escapeMrkdwn([body.title, ...body.items.map((i) => i.title)].join('\n'));
  }
}

/** A `form` body → a modal for views.open. `channel` is the DM its answers belong to. */
export function renderModal(body: Extract<MessageBody, { type: 'form' }>, channel: string, labels: Labels = {}): Block {
  const blocks: Block[] = [];
  if (body.text) blocks.push(section(escapeMrkdwn(body.text)));
  for (const field of body.fields) blocks.push(inputBlock(field));
  return {
    type: 'modal',
    callback_id: `${FORM_CALLBACK_PREFIX}${body.formId}`,
    title: plain(body.title, MODAL_TITLE_MAX),
    submit: plain(body.submitLabel, MODAL_TITLE_MAX),
    close: plain(labels.cancel ?? 'Cancel', MODAL_TITLE_MAX),
    private_metadata: JSON.stringify({ c: channel }),
    blocks: blocks.slice(0, 100),
  };
}

/**
 * An input's block_id: the field's name and kind (`phone.phone`), so a submitted modal can be
 * checked field by field before it closes (see parse.ts `modalErrors`). The engine's values are
 * keyed by the action_id, which stays the name.
 */
export const inputBlockId = (field: Pick<FormField, 'name' | 'kind'>): string => `${field.name}.${field.kind}`;

function inputBlock(field: FormField): Block {
  const id = field.name;
  let element: Block;
  switch (field.kind) {
    case 'select': {
      const options = (field.options ?? []).slice(0, OPTIONS_MAX).map((o) => ({ text: plain(o.label), value: o.value }));
      const initial = options.find((o) => o.value === field.value);
      element = { type: 'static_select', action_id: id, options, ...(initial ? { initial_option: initial } : {}) };
      break;
    }
    case 'file':
      element = { type: 'file_input', action_id: id, filetypes: ['pdf', 'docx', 'jpg', 'jpeg', 'png'], max_files: 1 };
      break;
    case 'email':
      element = { type: 'email_text_input', action_id: id, ...(field.value ? { initial_value: field.value } : {}) };
      break;
    default:
      element = {
        type: 'plain_text_input',
        action_id: id,
        multiline: field.kind === 'multiline',
        ...(field.value ? { initial_value: field.value } : {}),
      };
  }
  if (field.placeholder && field.kind !== 'file') element.placeholder = plain(field.placeholder, 150);
  return {
    type: 'input',
    block_id: inputBlockId(field),
    label: plain(field.label, 2000),
    optional: !field.required,
    element,
    ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
  };
}

/** The App Home tab: whatever the engine answered to the user opening it (their overview, or how to get access). */
export function renderHomeView(message: OutboundMessage): Block {
  return { type: 'home', blocks: renderBody(message.body, message.labels).slice(0, BLOCKS_MAX) };
}

/**
 * An answered question's blocks: its buttons give way to a line naming the choice, so they cannot
 * be pressed again (chat.update replaces the whole message, so the rest is kept as it was).
 */
export function spentBlocks(blocks: readonly Block[], label: string | undefined): Block[] {
  return blocks.map((b) =>
    b.type === 'actions'
      ? { type: 'context', elements: [{ type: 'mrkdwn', text: label ? `✓ ${escapeMrkdwn(label)}` : '✓' }] }
      : b,
  );
}

import type { Choice, FormField, MessageBody, OutboundMessage } from '../../src/engine/messages';

/**
 * OutboundMessage → a Bot Framework message activity (pure; STYLE.md §9): plain (markdown-escaped)
 * text for text, an Adaptive Card for everything with buttons, inputs or fields. Cards stay at
 * schema 1.5, the highest Teams renders on every client; Action.Submit data is `{actionId, value}`
 * for buttons and `{formId}` (plus the inputs Teams merges in) for forms — parse.ts reads both.
 */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_SCHEMA_VERSION = '1.5';
/** Teams refuses messages over 40 KB; texts are clipped well inside it. */
const TEXT_MAX_CHARS = 8_000;
const FIELD_MAX_CHARS = 1_000;
/** Teams shows at most 6 actions in a row; longer lists wrap into several action sets. */
const ACTIONS_PER_SET = 5;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardAction[];
  msteams?: { width: 'Full' };
}
export type CardElement = Record<string, unknown> & { type: string };
export interface CardAction {
  type: 'Action.Submit';
  title: string;
  data: Record<string, string>;
  style?: 'positive' | 'destructive';
}

/** The activity to send (or to put in place of an earlier one, for `edit`). */
export interface RenderedActivity {
  type: 'message';
  text?: string;
  textFormat?: 'markdown';
  attachments?: { contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; content: AdaptiveCard }[];
}

const clip = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** Markdown's inline markers; `(` `)` only matter after `]`, which is escaped. */
const INLINE_MARKDOWN = /([\\`*_~[\]])/g;
/** Markers that only count at the start of a line: headings, quotes, list items. */
const LINE_START_MARKDOWN = /^(\s*)([#>+-]|\d+\.)(?=\s)/gm;

function escapeMarkdown(value: string): string {
  return value
    .replace(INLINE_MARKDOWN, '\\$1')
    .replace(LINE_START_MARKDOWN, (_m, space: string, marker: string) => `${space}${marker.replace(/([#>+.-])/, '\\$1')}`);
}

/**
 * Escapes user-supplied text for Teams' message markdown and its HTML subset: entities for
 * `& < >`, a backslash before markdown's markers, and line breaks kept as paragraphs.
 */
export function escapeText(value: string): string {
  return escapeMarkdown(value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')).replace(/\r?\n/g, '\n\n');
}

/**
 * Escapes text for an Adaptive Card TextBlock / FactSet, which render a markdown subset (bold,
 * italic, lists, links) but no HTML: a backslash before the markdown markers is enough.
 */
export function escapeCardText(value: string): string {
  return escapeMarkdown(value).replace(/\r?\n/g, '\n\n');
}

export function renderActivity(message: OutboundMessage): RenderedActivity {
  const body = message.body;
  if (body.type === 'text') return { type: 'message', text: escapeText(clip(body.text, TEXT_MAX_CHARS)), textFormat: 'markdown' };
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard(body) }] };
}

/** Any non-text body as one card (also the card an invoke answer puts in place). */
export function renderCard(body: MessageBody): AdaptiveCard {
  const elements = cardBody(body);
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_SCHEMA_VERSION,
    body: elements,
    msteams: { width: 'Full' },
  };
  if (body.type === 'form')
    card.actions = [
      { type: 'Action.Submit', title: clip(body.submitLabel, 40), data: { formId: body.formId }, style: 'positive' },
    ];
  return card;
}

function cardBody(body: MessageBody): CardElement[] {
  switch (body.type) {
    case 'text':
      return [textBlock(body.text)];
    case 'choices':
      return [textBlock(body.text), ...actionSets(body.choices)];
    case 'file_request':
      return [textBlock(body.text), ...actionSets(body.choices)];
    case 'form':
      return [
        textBlock(body.title, { weight: 'Bolder', size: 'Medium' }),
        ...(body.text ? [textBlock(body.text, { isSubtle: true })] : []),
        ...body.fields.map(formInput),
      ];
    case 'card':
      return [
        textBlock(body.title, { weight: 'Bolder', size: 'Medium' }),
        ...(body.subtitle ? [textBlock(body.subtitle, { isSubtle: true, spacing: 'None' })] : []),
        ...(body.fields.length > 0
          ? [
              {
                type: 'FactSet',
                facts: body.fields.map((f) => ({
                  title: escapeCardText(clip(f.label, 100)),
                  value: escapeCardText(clip(f.value, FIELD_MAX_CHARS)),
                })),
              },
            ]
          : []),
        ...(body.text ? [textBlock(body.text)] : []),
        ...actionSets(body.choices),
      ];
    case 'list':
      return listBody(body);
  }
}

function listBody(body: Extract<MessageBody, { type: 'list' }>): CardElement[] {
  const pageLabel = body.pageCount > 1 ? ` (${body.page}/${body.pageCount})` : '';
  const elements: CardElement[] = [textBlock(`${body.title}${pageLabel}`, { weight: 'Bolder', size: 'Medium' })];
  if (body.summary) elements.push(textBlock(body.summary, { isSubtle: true, spacing: 'None' }));
  if (body.items.length === 0) elements.push(textBlock(body.emptyText));
  for (const item of body.items) {
    const container: CardElement = {
      type: 'Container',
      separator: true,
      items: [
        textBlock(item.title, { weight: 'Bolder' }),
        ...(item.subtitle ? [textBlock(item.subtitle, { isSubtle: true, spacing: 'None' })] : []),
      ],
    };
    // The whole row opens the item, like a row button elsewhere; a row whose press does something
    // else (a Dispute) names it.
    const title = item.actionLabel ? `${item.actionLabel}: ${item.title}` : item.title;
    if (item.actionId)
      container.selectAction = { type: 'Action.Submit', title: clip(title, 40), data: { actionId: item.actionId } };
    elements.push(container);
  }
  elements.push(...actionSets(body.choices));
  return elements;
}

function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: escapeCardText(clip(text, TEXT_MAX_CHARS)), wrap: true, ...options };
}

function actionSets(choices: readonly Choice[]): CardElement[] {
  const sets: CardElement[] = [];
  for (let i = 0; i < choices.length; i += ACTIONS_PER_SET)
    sets.push({ type: 'ActionSet', actions: choices.slice(i, i + ACTIONS_PER_SET).map(submitAction) });
  return sets;
}

export function submitAction(choice: Pick<Choice, 'actionId' | 'label' | 'value' | 'style'>): CardAction {
  const data: Record<string, string> = { actionId: choice.actionId };
  if (choice.value !== undefined) data.value = choice.value;
  const action: CardAction = { type: 'Action.Submit', title: clip(choice.label, 40), data };
  if (choice.style === 'primary') action.style = 'positive';
  if (choice.style === 'danger') action.style = 'destructive';
  return action;
}

/** A form field as an Adaptive Card input; a file field becomes a hint (cards cannot carry files). */
function formInput(field: FormField): CardElement {
  const common = { id: field.name, label: clip(field.label, 100), isRequired: field.required };
  if (field.kind === 'select')
    return {
      type: 'Input.ChoiceSet',
      ...common,
      style: 'compact',
      choices: (field.options ?? []).map((o) => ({ title: clip(o.label, 100), value: o.value })),
      ...(field.value ? { value: field.value } : {}),
      ...(field.required ? { errorMessage: `${field.label}?` } : {}),
    };
  if (field.kind === 'file')
    return textBlock([field.label, field.hint ?? ''].filter(Boolean).join(': '), { isSubtle: true, size: 'Small' });
  const style = field.kind === 'email' ? 'Email' : field.kind === 'phone' ? 'Tel' : 'Text';
  return {
    type: 'Input.Text',
    ...common,
    style,
    ...(field.kind === 'multiline' ? { isMultiline: true } : {}),
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
    ...(field.value ? { value: field.value } : {}),
    ...(field.required ? { errorMessage: `${field.label}?` } : {}),
  };
}

import type { Choice, MessageBody, OutboundMessage } from './messages';

/** Small constructors for the neutral message tree, so flows read as what they say. */
export type ChoiceInput = { actionId: string; label: string; value?: string; style?: Choice['style'] };

const choice = (c: ChoiceInput): Choice => ({ style: 'default', ...c });

export const message = (body: MessageBody, extra: Omit<OutboundMessage, 'body'> = {}): OutboundMessage => ({ body, ...extra });

export const text = (value: string): OutboundMessage => message({ type: 'text', text: value });

export const choices = (value: string, options: ChoiceInput[]): OutboundMessage =>
  options.length === 0 ? text(value) : message({ type: 'choices', text: value, choices: options.map(choice) });

export interface CardInput {
  title: string;
  subtitle?: string;
  fields: { label: string; value: string }[];
  text?: string;
  choices?: ChoiceInput[];
}

export const card = (c: CardInput): OutboundMessage =>
  message({ type: 'card', ...c, fields: c.fields.filter((f) => f.value !== ''), choices: (c.choices ?? []).map(choice) });

export interface ListInput {
  title: string;
  summary?: string;
  items: { title: string; subtitle?: string; actionId?: string; actionLabel?: string }[];
  page: number;
  pageCount: number;
  emptyText: string;
  choices?: ChoiceInput[];
}

export const list = (l: ListInput, edit?: string): OutboundMessage =>
  message({ type: 'list', ...l, choices: (l.choices ?? []).map(choice) }, edit ? { edit } : {});

export const fileRequest = (value: string, maxBytes: number, options: ChoiceInput[]): OutboundMessage =>
  message({ type: 'file_request', text: value, accept: ['pdf', 'docx', 'image'], maxBytes, choices: options.map(choice) });

/** Splits an action id like `open:C-1042` into its kind and argument (the inline tail, else the value). */
export function splitAction(actionId: string, value: string | undefined): { kind: string; arg: string } {
  const at = actionId.indexOf(':');
  if (at < 0) return { kind: actionId, arg: value ?? '' };
  return { kind: actionId.slice(0, at), arg: actionId.slice(at + 1) };
}

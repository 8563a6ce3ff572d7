import type { Choice, FormField, MessageBody, OutboundMessage } from '../../src/engine/messages';

/**
 * The page's view model: plain JSON the browser turns into DOM with textContent only, so nothing
 * in it is ever interpreted as HTML. Rendering is pure (STYLE.md §9).
 */
export interface WebButton {
  actionId: string;
  label: string;
  value?: string;
  style: 'primary' | 'danger' | 'default';
}

export interface WebField {
  name: string;
  label: string;
  input: 'text' | 'email' | 'tel' | 'select' | 'file' | 'textarea';
  required: boolean;
  value?: string;
  placeholder?: string;
  hint?: string;
  options?: { value: string; label: string }[];
  /** For file inputs: the `accept` attribute. */
  accept?: string;
}

export type WebView =
  | { kind: 'text'; text: string }
  | { kind: 'choices'; text: string; buttons: WebButton[] }
  | { kind: 'form'; formId: string; title: string; text?: string; fields: WebField[]; submitLabel: string }
  | {
      kind: 'card';
      title: string;
      subtitle?: string;
      fields: { label: string; value: string }[];
      text?: string;
      buttons: WebButton[];
    }
  | {
      kind: 'list';
      title: string;
      summary?: string;
      /** `actionLabel`: the row button's words when it does more than open the row (a Dispute); else the page's Open. */
      items: { title: string; subtitle?: string; button?: WebButton; actionLabel?: string }[];
      emptyText: string;
      /** Numbers only: the page words them in its own language (“Page 2 of 3”). */
      page: number;
      pageCount: number;
      buttons: WebButton[];
    }
  | {
      kind: 'file_request';
      text: string;
      accept: string;
      /** The accepted kinds; the page names them and joins them in its language (“PDF or Word”). */
      acceptKinds: ('pdf' | 'docx' | 'image')[];
      maxBytes: number;
      buttons: WebButton[];
    };

/** One entry of the conversation as the page shows it. `id` is the messageRef (or the user's eventId). */
export interface WebEntry {
  id: string;
  from: 'bot' | 'user';
  view: WebView;
  at: string;
  /** A bot message a reply can answer (a relayed comment): the page shows a Reply button on it. */
  canReply?: boolean;
  /** A user message sent with Reply: the entry it answers, so the page can quote it. */
  replyTo?: string;
}

/** Text is capped so one runaway message cannot freeze a phone's browser. */
export const WEB_MAX_TEXT_CHARS = 8000;

const ACCEPT: Record<'pdf' | 'docx' | 'image', { mime: string; ext: string }> = {
  pdf: { mime: 'application/pdf', ext: '.pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: '.docx' },
  // A phone's browser then offers its camera too.
  image: { mime: 'image/jpeg,image/png', ext: '.jpg,.jpeg,.png' },
};
const acceptList = (kinds: (keyof typeof ACCEPT)[]): string => kinds.flatMap((a) => [ACCEPT[a].ext, ACCEPT[a].mime]).join(',');

const INPUT: Record<FormField['kind'], WebField['input']> = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  select: 'select',
  file: 'file',
  multiline: 'textarea',
};

export function renderMessage(message: OutboundMessage): WebView {
  return renderBody(message.body, message.labels);
}

export function renderBody(body: MessageBody, labels: OutboundMessage['labels'] = {}): WebView {
  switch (body.type) {
    case 'text':
      return { kind: 'text', text: cap(body.text) };
    case 'choices':
      return { kind: 'choices', text: cap(body.text), buttons: body.choices.map(button) };
    case 'form':
      return {
        kind: 'form',
        formId: body.formId,
        title: body.title,
        ...(body.text === undefined ? {} : { text: cap(body.text) }),
        fields: body.fields.map(field),
        submitLabel: body.submitLabel,
      };
    case 'card':
      return {
        kind: 'card',
        title: body.title,
        ...(body.subtitle === undefined ? {} : { subtitle: body.subtitle }),
        fields: body.fields.map((f) => ({ label: f.label, value: cap(f.value) })),
        ...(body.text === undefined ? {} : { text: cap(body.text) }),
        buttons: body.choices.map(button),
      };
    case 'list':
      return {
        kind: 'list',
        title: body.title,
        ...(body.summary === undefined ? {} : { summary: body.summary }),
        items: body.items.map((item) => ({
          title: item.title,
          ...(item.subtitle === undefined ? {} : { subtitle: item.subtitle }),
          ...(item.actionId === undefined
            ? {}
            : {
                button: { actionId: item.actionId, label: item.actionLabel ?? labels.open ?? 'Open', style: 'default' as const },
                ...(item.actionLabel === undefined ? {} : { actionLabel: item.actionLabel }),
              }),
        })),
        emptyText: body.emptyText,
        page: body.page,
        pageCount: body.pageCount,
        buttons: body.choices.map(button),
      };
    case 'file_request':
      return {
        kind: 'file_request',
        text: cap(body.text),
        accept: acceptList(body.accept),
        // Worded (web.accept.*) and joined with "or" in the reader's language by the page (chat.js).
        acceptKinds: body.accept,
        maxBytes: body.maxBytes,
        buttons: body.choices.map(button),
      };
  }
}

function button(choice: Choice): WebButton {
  return {
    actionId: choice.actionId,
    label: choice.label,
    ...(choice.value === undefined ? {} : { value: choice.value }),
    style: choice.style,
  };
}

function field(f: FormField): WebField {
  return {
    name: f.name,
    label: f.label,
    input: INPUT[f.kind],
    required: f.required,
    ...(f.value === undefined ? {} : { value: f.value }),
    ...(f.placeholder === undefined ? {} : { placeholder: f.placeholder }),
    ...(f.hint === undefined ? {} : { hint: f.hint }),
    ...(f.options === undefined ? {} : { options: f.options.map((o) => ({ value: o.value, label: o.label })) }),
    ...(f.kind === 'file' ? { accept: acceptList(['pdf', 'docx', 'image']) } : {}),
  };
}

function cap(text: string): string {
  return text.length > WEB_MAX_TEXT_CHARS ? `${text.slice(0, WEB_MAX_TEXT_CHARS - 1)}…` : text;
}

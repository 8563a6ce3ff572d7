import { languageOf, type Language } from './index';

/** The short answers the wizard and yes / no questions take as typed text. */
export type AnswerKind = 'yes' | 'no' | 'skip' | 'edit' | 'back' | 'cancel';

/**
 * What people type for each answer, per language. English is understood in every language (the
 * command words stay stable, and Taglish mixes them freely); a user's own language adds to it.
 * Lower case, compared without accents, so `si` and `sí`, `nao` and `não` both count.
 */
const WORDS: Record<Language, Record<AnswerKind, readonly string[]>> = {
  en: {
    yes: ['y', 'yes', 'ok', 'confirm', 'submit', 'send'],
    no: ['n', 'no'],
    skip: ['skip', 'no', 'none'],
    edit: ['edit'],
    back: ['back'],
    cancel: ['cancel'],
  },
  es: {
    yes: ['si', 's', 'dale', 'confirmar', 'enviar', 'postular', 'listo'],
    no: ['no'],
    skip: ['omitir', 'saltar', 'ninguno', 'sin cv'],
    edit: ['editar', 'cambiar'],
    back: ['atras', 'volver', 'regresar'],
    cancel: ['cancelar'],
  },
  'pt-BR': {
    yes: ['sim', 's', 'confirmar', 'enviar', 'indicar', 'pode'],
    no: ['nao', 'n'],
    skip: ['pular', 'nenhum', 'sem curriculo'],
    edit: ['editar', 'mudar'],
    back: ['voltar'],
    cancel: ['cancelar'],
  },
  fil: {
    yes: ['oo', 'opo', 'o', 'sige', 'go', 'kumpirmahin', 'i-submit'],
    no: ['hindi', 'hinde', 'di', 'ayaw'],
    skip: ['laktawan', 'wala', 'i-skip'],
    edit: ['baguhin', 'palitan', 'i-edit'],
    back: ['bumalik', 'balik'],
    cancel: ['kanselahin', 'i-cancel', 'huwag na'],
  },
};

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[.!¡?¿]+$/u, '');

/** Whether `input` is the answer `kind` in the user's language or in English. */
export function isAnswer(locale: string, kind: AnswerKind, input: string): boolean {
  const word = fold(input);
  return WORDS.en[kind].includes(word) || WORDS[languageOf(locale)][kind].includes(word);
}

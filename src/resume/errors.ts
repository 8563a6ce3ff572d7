/**
 * Why a resume could not be read. Every error carries a stable `code` (for logs, metrics and
 * tests) and a `userMessage` that tells the chat user what happens next; the submission always
 * goes on without resume fields, so no message asks them to start over.
 */
export type ResumeErrorCode =
  | 'TOO_LARGE'
  | 'UNPACKED_TOO_LARGE'
  | 'UNSUPPORTED_TYPE'
  | 'ENCRYPTED'
  | 'CORRUPT'
  | 'NO_TEXT_LAYER'
  | 'TIMED_OUT';

/** Largest resume we accept, in bytes (10 MB, DESIGN.md §7). */
export const RESUME_MAX_BYTES = 10 * 1024 * 1024;

const GOES_ON = 'The submission will go on without resume details';

export abstract class ResumeReadError extends Error {
  abstract readonly code: ResumeErrorCode;
  /** Safe to show to the chat user as is: says what went wrong and what they can do. */
  abstract readonly userMessage: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class TooLargeError extends ResumeReadError {
  readonly code = 'TOO_LARGE' as const;
  readonly userMessage: string;
  constructor(
    readonly sizeBytes: number,
    readonly limitBytes: number = RESUME_MAX_BYTES,
  ) {
    super(`resume is ${sizeBytes} bytes, over the ${limitBytes}-byte limit`);
    const mb = Math.round(limitBytes / (1024 * 1024));
    this.userMessage = `That file is larger than ${mb} MB, so I did not read it. ${GOES_ON}; you can send a smaller PDF or DOCX later.`;
  }
}

export class UnsupportedTypeError extends ResumeReadError {
  readonly code = 'UNSUPPORTED_TYPE' as const;
  readonly userMessage = `That file is not a PDF, a Word (DOCX) document or a picture (JPEG, PNG), so I could not read it. ${GOES_ON}; you can send the resume as a PDF, DOCX or photo later.`;
  constructor(readonly filename?: string) {
    super(`resume${filename ? ` ${JSON.stringify(filename)}` : ''} is neither PDF, DOCX, JPEG nor PNG by its bytes`);
  }
}

/** A compressed file (DOCX) that unpacks to far more than any resume: a zip bomb, or broken. */
export class UnpackedTooLargeError extends ResumeReadError {
  readonly code = 'UNPACKED_TOO_LARGE' as const;
  readonly userMessage = `That file unpacks to far more than a resume could hold, so I did not read it. ${GOES_ON}; you can send the resume as a PDF later.`;
  constructor(
    readonly limitBytes: number,
    detail: string,
  ) {
    super(`resume unpacks beyond ${limitBytes} bytes: ${detail}`);
  }
}

export class EncryptedError extends ResumeReadError {
  readonly code = 'ENCRYPTED' as const;
  readonly userMessage = `That PDF is password-protected, so I could not read it. ${GOES_ON}; you can send an unprotected copy later.`;
  constructor(options?: { cause?: unknown }) {
    super('resume is encrypted / password-protected', options);
  }
}

export class CorruptError extends ResumeReadError {
  readonly code = 'CORRUPT' as const;
  readonly userMessage = `That file seems to be damaged, so I could not read it. ${GOES_ON}; you can export the resume again and send the new copy later.`;
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`resume is corrupt: ${detail}`, options);
  }
}

export class NoTextLayerError extends ResumeReadError {
  readonly code = 'NO_TEXT_LAYER' as const;
  readonly userMessage = `That PDF holds only images (probably a scan), so there was no text for me to read. ${GOES_ON}; you can send a PDF exported from the original document later.`;
  constructor() {
    super('resume has no text layer (image-only)');
  }
}

export class TimedOutError extends ResumeReadError {
  readonly code = 'TIMED_OUT' as const;
  readonly userMessage = `Reading that resume took too long, so I stopped. ${GOES_ON}; you can send a simpler copy (a PDF exported from the original document) later.`;
  constructor(readonly timeoutMs: number) {
    super(`resume extraction exceeded ${timeoutMs} ms`);
  }
}

export function isResumeReadError(err: unknown): err is ResumeReadError {
  return err instanceof ResumeReadError;
}

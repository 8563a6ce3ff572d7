import type { CountryCode } from 'libphonenumber-js';
import {
  isResumeReadError,
  RESUME_MAX_BYTES,
  TooLargeError,
  UnsupportedTypeError,
  type ResumeReadError,
} from './errors';
import { createExtractor, type ExtractProgress, type Extractor } from './extractor';
import { parseResume, type ParsedResume } from './parse-resume';
import { isImageType, sniffResumeType } from './sniff';

export type ResumeFileType = 'pdf' | 'docx' | 'jpeg' | 'png';

/** Default limit on text extraction; a 1–2 page resume takes tens of milliseconds. */
export const DEFAULT_RESUME_TIMEOUT_MS = 15_000;

/** Options of {@link readResume}. */
export interface ReadResumeOptions {
  /** Original file name, for error detail only; the type comes from the bytes. */
  filename?: string;
  /** Limit on text extraction in ms; default {@link DEFAULT_RESUME_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Country assumed for a phone printed without "+CC"; default: none (kept as printed). */
  defaultCountry?: CountryCode;
  /** Hears of each OCR page as it starts: a scan or a photo takes seconds per page, not milliseconds. */
  onProgress?: (progress: ExtractProgress) => void;
}

export type ResumeReadResult =
  | {
      ok: true;
      fileType: ResumeFileType;
      resume: ParsedResume;
      /** The extracted text, one line per layout line; personal data, never log it. */
      text: string;
      pageCount: number;
      /** Time spent extracting text (not parsing), in ms. */
      extractMs: number;
      /** The text was read by OCR (a scan or a photo): ask the user to check the fields. */
      ocr: boolean;
    }
  | { ok: false; error: ResumeReadError };

export interface ResumeReader {
  read(bytes: Buffer, options?: ReadResumeOptions): Promise<ResumeReadResult>;
  /** Stops the extraction worker thread (it restarts on the next read). */
  close(): Promise<void>;
}

/** Options of {@link createResumeReader}. */
export interface ResumeReaderOptions {
  /** Extractor to use; default: a warm worker thread owned by this reader. */
  extractor?: Extractor;
}

/**
 * Sniffs, size-checks, extracts (with a time limit) and parses a resume. Bad input never throws:
 * it comes back as `{ ok: false, error }` whose `error.userMessage` can be shown as is, so the
 * caller goes on with the submission. Only a bug in this module would reject.
 */
export function createResumeReader(options: ResumeReaderOptions = {}): ResumeReader {
  const extractor = options.extractor ?? createExtractor();
  return {
    async read(bytes, opts = {}) {
      const timeoutMs = opts.timeoutMs ?? DEFAULT_RESUME_TIMEOUT_MS;
      try {
        if (bytes.length > RESUME_MAX_BYTES) throw new TooLargeError(bytes.length);
        const fileType = sniffResumeType(bytes);
        if (fileType === 'unknown') throw new UnsupportedTypeError(opts.filename);
        const started = performance.now();
        const extracted = await extractor.extract(isImageType(fileType) ? 'image' : fileType, bytes, timeoutMs, opts.onProgress);
        const extractMs = performance.now() - started;
        const resume = parseResume(extracted.lines, { defaultCountry: opts.defaultCountry });
        const text = extracted.lines.map((l) => l.text).join('\n');
        return { ok: true, fileType, resume, text, pageCount: extracted.pageCount, extractMs, ocr: extracted.ocr };
      } catch (err) {
        if (isResumeReadError(err)) return { ok: false, error: err };
        throw err;
      }
    },
    close: () => extractor.close(),
  };
}

let shared: ResumeReader | null = null;

/**
 * {@link ResumeReader.read} on a process-wide reader, created on first use so that the PDF
 * worker stays warm between files. The CLI and the queue job both come through here.
 */
export function readResume(bytes: Buffer, options?: ReadResumeOptions): Promise<ResumeReadResult> {
  shared ??= createResumeReader();
  return shared.read(bytes, options);
}

/** Stops the shared reader's worker thread (graceful shutdown, end of tests). */
export async function closeResumeReader(): Promise<void> {
  const reader = shared;
  shared = null;
  if (reader) await reader.close();
}

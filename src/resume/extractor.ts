import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { docxLines, type DocxBlock } from './docx-layout';
import {
  CorruptError,
  EncryptedError,
  NoTextLayerError,
  TimedOutError,
  UnpackedTooLargeError,
  type ResumeReadError,
} from './errors';
import { WORKER_SOURCE } from './extract-worker-source';
import { linesFromPages, type PositionedPage } from './pdf-layout';
import type { ExtractedText } from './text-lines';

/**
 * Every resume file is read in one worker thread, kept warm across calls, because:
 * - a hostile file (a DOCX zip bomb, a PDF that loops, a giant image) may exhaust memory or time:
 *   the thread has its own heap limit and is terminated on a deadline; the server's event loop
 *   (the chat and the queue) never stalls and its heap never grows with the file;
 * - pdf-parse (pdf.js) loads its "fake worker" with a real dynamic `import()`, which jest's
 *   CommonJS sandbox refuses; a worker thread is plain Node, the same under jest, tsx and dist;
 * - pdf.js, its fonts and the OCR engine are loaded once per thread, not per file.
 * A thread that dies (heap exhausted, killed on time) is replaced on the next file.
 */
export type ExtractKind = 'pdf' | 'docx' | 'image';

export interface Extracted extends ExtractedText {
  /** True when the text came from OCR (a scan, a photo): the user should check the fields. */
  ocr: boolean;
}

/** Limits of {@link createExtractor}; every default suits a 1–4 page resume. */
export interface ExtractorLimits {
  /** Heap of the worker thread in MB; a file that needs more ends as CORRUPT. Default 256. */
  workerHeapMb: number;
  /** Unpacked size a DOCX may declare or reach, all parts together, in bytes. Default 32 MB. */
  docxMaxUnpackedBytes: number;
  /** Pages of an image-only PDF that are read by OCR. Default 4. */
  ocrMaxPages: number;
  /** Time per OCR page in ms (the first page also loads the engine). Default 30 s. */
  ocrPageTimeoutMs: number;
  /** Pixels an image may have before it is scaled (long side, after decoding). Default 2000. */
  ocrMaxPixels: number;
  /** Resolution PDF pages are rendered at for OCR. Default 150 dpi. */
  ocrDpi: number;
  /**
   * Resolution the OCR engine reads at: pages and photos below it are enlarged (at most 2×)
   * after cleaning, since small print at low resolution is misread. Default 300 dpi.
   */
  ocrTargetDpi: number;
  /** Pixels of a page after that enlargement, at most. Default 9 megapixels. */
  ocrMaxEnlargedPixels: number;
  /** Largest decoded image, width × height. Default 40 megapixels. */
  imageMaxPixels: number;
  /**
   * Runs of PDF text or DOCX paragraphs a file may hold; the result is copied into the server's
   * heap, so it is bounded too. Default 50,000 (a long resume has a few thousand).
   */
  maxItems: number;
}

export const DEFAULT_EXTRACTOR_LIMITS: ExtractorLimits = {
  workerHeapMb: 256,
  docxMaxUnpackedBytes: 32 * 1024 * 1024,
  ocrMaxPages: 4,
  ocrPageTimeoutMs: 30_000,
  ocrMaxPixels: 2000,
  ocrDpi: 150,
  ocrTargetDpi: 300,
  ocrMaxEnlargedPixels: 9_000_000,
  imageMaxPixels: 40_000_000,
  maxItems: 50_000,
};

// Fewer visible characters than this across a PDF means no usable text layer.
const MIN_TEXT_CHARS = 20;

/** Options of {@link createExtractor}. */
export interface ExtractorOptions {
  limits?: Partial<ExtractorLimits>;
  /** Read image-only PDFs and images by OCR; default true. */
  ocr?: boolean;
}

/** Reading went to OCR (a scan or a photo): page `ocrPage` of `ocrPages` starts now. */
export interface ExtractProgress {
  ocrPage: number;
  ocrPages: number;
}

export interface Extractor {
  /**
   * Lines of a file; rejects with a {@link ResumeReadError} (never anything else). `timeoutMs`
   * bounds the reading up to the first OCR page; each OCR page then has `ocrPageTimeoutMs`, and
   * `onProgress` hears of each page as it starts.
   */
  extract(kind: ExtractKind, bytes: Uint8Array, timeoutMs: number, onProgress?: (p: ExtractProgress) => void): Promise<Extracted>;
  /** Stops the worker thread; the extractor starts a new one if used again. */
  close(): Promise<void>;
  /** The worker's thread id while one runs (tests watch it being replaced). */
  readonly threadId: number | null;
}

type Reply =
  | { id: number; type: 'tick'; page: number; pages: number }
  | { id: number; type: 'done'; result: { pages?: PositionedPage[]; blocks?: DocxBlock[]; pageCount: number; ocr: boolean } }
  | { id: number; type: 'error'; name: string; message: string };

function workerData(): Record<string, string> {
  const pdfParsePath = require.resolve('pdf-parse');
  // CJK and other CID-keyed fonts need pdf.js's character maps to yield any text at all.
  const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [pdfParsePath] }));
  const eng = path.dirname(require.resolve('@tesseract.js-data/eng/package.json'));
  return {
    pdfParsePath,
    canvasPath: require.resolve('@napi-rs/canvas', { paths: [pdfParsePath] }),
    tesseractPath: require.resolve('tesseract.js'),
    // The LSTM model as tesseract.js's default engine expects it, from the installed package.
    ocrLangPath: path.join(eng, '4.0.0_best_int'),
    ocrLanguages: 'eng',
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
  };
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const limits = { ...DEFAULT_EXTRACTOR_LIMITS, ...options.limits };
  const ocr = options.ocr ?? true;
  const data = workerData();
  let worker: Worker | null = null;
  let nextId = 1;
  // One file at a time per thread: a timeout terminates the thread, which must not take
  // other files down with it.
  let chain: Promise<unknown> = Promise.resolve();

  const getWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    // An idle warm worker must not keep a CLI or a test process alive.
    w.unref();
    const forget = (): void => {
      if (worker === w) worker = null;
    };
    w.on('exit', forget);
    // Without a standing listener, a thread dying between files would crash the process.
    w.on('error', forget);
    worker = w;
    return w;
  };

  const runOne = (kind: ExtractKind, bytes: Uint8Array, timeoutMs: number, onProgress?: (p: ExtractProgress) => void): Promise<Extract> =>
    new Promise((resolve, reject) => {
      const w = getWorker();
      const id = nextId++;
      let timer: NodeJS.Timeout;
      const cleanup = (): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const arm = (ms: number): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          cleanup();
          if (worker === w) worker = null;
          void w.terminate();
          reject(new TimedOutError(ms));
        }, ms);
      };
      const onMessage = (reply: Reply): void => {
        if (reply.id !== id) return;
        if (reply.type === 'tick') {
          arm(limits.ocrPageTimeoutMs);
          onProgress?.({ ocrPage: reply.page, ocrPages: reply.pages });
          return;
        }
        cleanup();
        if (reply.type === 'done') resolve(reply.result);
        else reject(mapError(reply.name, reply.message, limits));
      };
      const onError = (err: Error): void => {
        cleanup();
        if (worker === w) worker = null;
        // ERR_WORKER_OUT_OF_MEMORY: the file needed more than the thread's heap.
        reject(new CorruptError(`the reader stopped: ${err.message}`, { cause: err }));
      };
      const onExit = (): void => {
        cleanup();
        reject(new CorruptError('the reader stopped'));
      };
      arm(timeoutMs);
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      // A copy, because the transfer would detach the caller's buffer.
      const copy = new Uint8Array(bytes);
      w.postMessage(
        {
          id,
          kind,
          data: copy,
          limits: {
            minTextChars: MIN_TEXT_CHARS,
            ocr,
            ocrMaxPages: limits.ocrMaxPages,
            ocrMaxPixels: limits.ocrMaxPixels,
            ocrDpi: limits.ocrDpi,
            ocrTargetDpi: limits.ocrTargetDpi,
            ocrMaxEnlargedPixels: limits.ocrMaxEnlargedPixels,
            imageMaxPixels: limits.imageMaxPixels,
            docxMaxUnpackedBytes: limits.docxMaxUnpackedBytes,
            maxItems: limits.maxItems,
          },
        },
        [copy.buffer],
      );
    });

  return {
    async extract(kind, bytes, timeoutMs, onProgress) {
      const run = chain.then(() => runOne(kind, bytes, timeoutMs, onProgress));
      chain = run.catch(() => undefined);
      const raw = await run;
      const lines = raw.blocks ? docxLines(raw.blocks) : linesFromPages(raw.pages ?? []);
      const visible = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
      if (visible < MIN_TEXT_CHARS) {
        if (kind === 'docx') throw new CorruptError('the DOCX holds no text');
        throw new NoTextLayerError();
      }
      return { lines, pageCount: raw.pageCount, ocr: raw.ocr };
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
    get threadId() {
      return worker?.threadId ?? null;
    },
  };
}

interface Extract {
  pages?: PositionedPage[];
  blocks?: DocxBlock[];
  pageCount: number;
  ocr: boolean;
}

function mapError(name: string, message: string, limits: ExtractorLimits): ResumeReadError {
  if (name === 'PasswordException') return new EncryptedError({ cause: new Error(message) });
  if (name === 'UnpackedTooLarge') return new UnpackedTooLargeError(limits.docxMaxUnpackedBytes, message);
  return new CorruptError(`${name}: ${message}`);
}

import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CorruptError, EncryptedError, NoTextLayerError, TimedOutError, type ResumeReadError } from './errors';
import { linesFromPages, type PositionedPage } from './pdf-layout';
import type { ExtractedText } from './text-lines';

/**
 * PDF text runs in a worker thread, kept warm across calls, because:
 * - pdf-parse (pdf.js) loads its "fake worker" with a real dynamic `import()`, which jest's
 *   CommonJS sandbox refuses; a worker thread is plain Node, the same under jest, tsx and dist;
 * - a time limit must hold even when pdf.js is stuck in synchronous parsing: the thread can be
 *   terminated, the main event loop (the chat and the queue) never stalls;
 * - pdf.js and its fonts are loaded once per thread, not per file.
 * The worker only collects positioned items; rebuilding lines is done here, in pure code.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');
const { PDFParse } = require(workerData.pdfParsePath);
// pdf.js reads a CJK character map from disk for every document; keep the bytes instead.
const cMaps = new Map();
class CachedCMapReaderFactory {
  constructor({ baseUrl, isCompressed = true }) { this.baseUrl = baseUrl; this.isCompressed = isCompressed; }
  async fetch({ name }) {
    let data = cMaps.get(name);
    if (!data) {
      data = new Uint8Array(await readFile(this.baseUrl + name + (this.isCompressed ? '.bcmap' : '')));
      cMaps.set(name, data);
    }
    return { cMapData: data.slice(), isCompressed: this.isCompressed };
  }
}
parentPort.on('message', async ({ id, data }) => {
  let parser;
  try {
    parser = new PDFParse({
      data, disableFontFace: true, isEvalSupported: false, useSystemFonts: false,
      cMapUrl: workerData.cMapUrl, cMapPacked: true, CMapReaderFactory: CachedCMapReaderFactory,
      standardFontDataUrl: workerData.standardFontDataUrl,
    });
    // pdf-parse's public getText() only returns joined text; its load() hands us the pdf.js
    // document so we can read positioned items (x, y, width, size).
    const doc = await parser.load();
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.view;
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string' || it.str.length === 0) continue;
        const t = it.transform;
        items.push({ str: it.str, x: t[4], y: t[5], width: it.width, fontSize: Math.hypot(t[2], t[3]) || it.height });
      }
      pages.push({ width: view[2] - view[0], height: view[3] - view[1], items });
      page.cleanup();
    }
    parentPort.postMessage({ id, ok: true, pages });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, name: (err && err.name) || 'Error', message: String((err && err.message) || err) });
  } finally {
    if (parser) await parser.destroy().catch(() => {});
  }
});
`;

type WorkerReply = { id: number; ok: true; pages: PositionedPage[] } | { id: number; ok: false; name: string; message: string };

/** Options of {@link createPdfExtractor}. */
export interface PdfExtractorOptions {
  /** Module path of pdf-parse; default: resolved from this package. */
  pdfParsePath?: string;
}

export interface PdfExtractor {
  /** Text lines of a PDF; rejects with a {@link ResumeReadError} (never anything else). */
  extract(bytes: Uint8Array, timeoutMs: number): Promise<ExtractedText>;
  /** Stops the worker thread; the extractor starts a new one if used again. */
  close(): Promise<void>;
}

const WORKER_HEAP_MB = 512;
// Fewer visible characters than this across the document means no usable text layer.
const MIN_TEXT_CHARS = 20;

export function createPdfExtractor(options: PdfExtractorOptions = {}): PdfExtractor {
  const pdfParsePath = options.pdfParsePath ?? require.resolve('pdf-parse');
  // CJK and other CID-keyed fonts need pdf.js's character maps to yield any text at all.
  const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [pdfParsePath] }));
  const workerData = {
    pdfParsePath,
    cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
  };
  let worker: Worker | null = null;
  let nextId = 1;
  // One file at a time per thread: a timeout terminates the thread, which must not take
  // other files down with it.
  let chain: Promise<unknown> = Promise.resolve();

  const getWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData,
      // A hostile PDF may try to exhaust memory: the thread dies (→ CorruptError), not the process.
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
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

  const runOne = (bytes: Uint8Array, timeoutMs: number): Promise<PositionedPage[]> =>
    new Promise((resolve, reject) => {
      const w = getWorker();
      const id = nextId++;
      const cleanup = (): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id !== id) return;
        cleanup();
        if (reply.ok) resolve(reply.pages);
        else reject(mapPdfError(reply.name, reply.message));
      };
      const onError = (err: Error): void => {
        cleanup();
        worker = null;
        reject(new CorruptError('the PDF reader failed', { cause: err }));
      };
      const onExit = (): void => {
        cleanup();
        reject(new CorruptError('the PDF reader stopped'));
      };
      const timer = setTimeout(() => {
        cleanup();
        if (worker === w) worker = null;
        void w.terminate();
        reject(new TimedOutError(timeoutMs));
      }, timeoutMs);
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      // A copy, because the transfer would detach the caller's buffer.
      const copy = new Uint8Array(bytes);
      w.postMessage({ id, data: copy }, [copy.buffer]);
    });

  return {
    async extract(bytes, timeoutMs) {
      const run = chain.then(() => runOne(bytes, timeoutMs));
      chain = run.catch(() => undefined);
      const pages = await run;
      const lines = linesFromPages(pages);
      const visible = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
      if (visible < MIN_TEXT_CHARS) throw new NoTextLayerError();
      return { lines, pageCount: pages.length };
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}

function mapPdfError(name: string, message: string): ResumeReadError {
  if (name === 'PasswordException') return new EncryptedError({ cause: new Error(message) });
  return new CorruptError(`${name}: ${message}`);
}

/**
 * The source of the extraction worker thread, as plain CommonJS: the thread runs outside jest's
 * and tsx's module systems, the same in tests, development and `dist/`. It only collects raw
 * material (positioned PDF items, DOCX blocks, OCR words); turning that into lines is pure code
 * in the main thread (pdf-layout, docx-layout). Every file type comes through here, so a hostile
 * file can exhaust this thread's heap or time, never the server's.
 *
 * Messages in: { id, kind: 'pdf' | 'docx' | 'image', data: Uint8Array, limits }.
 * Messages out: { id, type: 'tick' } before each OCR page (the caller's per-page clock restarts),
 * { id, type: 'done', result }, or { id, type: 'error', name, message }.
 */
export const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');
const zlib = require('node:zlib');
const { PDFParse } = require(workerData.pdfParsePath);

class LimitError extends Error { constructor(m) { super(m); this.name = 'UnpackedTooLarge'; } }

// ---- PDF -------------------------------------------------------------------------------------
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

async function readPdf(id, data, limits) {
  const parser = new PDFParse({
    data, disableFontFace: true, isEvalSupported: false, useSystemFonts: false,
    cMapUrl: workerData.cMapUrl, cMapPacked: true, CMapReaderFactory: CachedCMapReaderFactory,
    standardFontDataUrl: workerData.standardFontDataUrl,
  });
  try {
    // pdf-parse's getText() only returns joined text; load() hands us the pdf.js document.
    const doc = await parser.load();
    const pages = [];
    let visible = 0;
    let itemCount = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.view;
      const content = await page.getTextContent();
      const items = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string' || it.str.length === 0) continue;
        const t = it.transform;
        visible += it.str.replace(/\s/g, '').length;
        if (++itemCount > limits.maxItems) throw new LimitError('more than ' + limits.maxItems + ' runs of text');
        items.push({ str: it.str, x: t[4], y: t[5], width: it.width, fontSize: Math.hypot(t[2], t[3]) || it.height });
      }
      pages.push({ width: view[2] - view[0], height: view[3] - view[1], items });
      page.cleanup();
    }
    if (visible >= limits.minTextChars || !limits.ocr) return { pages, pageCount: doc.numPages, ocr: false };
    // No text layer (a scan, pages of photos): render each page and read it.
    const ocrPages = [];
    const count = Math.min(doc.numPages, limits.ocrMaxPages);
    for (let n = 1; n <= count; n++) {
      parentPort.postMessage({ id, type: 'tick' });
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const scale = Math.min(limits.ocrDpi / 72, limits.ocrMaxPixels / Math.max(base.width, base.height));
      const viewport = page.getViewport({ scale });
      const made = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      made.context.fillStyle = '#fff';
      made.context.fillRect(0, 0, made.canvas.width, made.canvas.height);
      await page.render({ canvasContext: made.context, viewport, canvas: made.canvas }).promise;
      const img = made.context.getImageData(0, 0, made.canvas.width, made.canvas.height);
      ocrPages.push(await ocrPixels(img, 1 / scale));
      page.cleanup();
    }
    return { pages: ocrPages, pageCount: count, ocr: true };
  } finally {
    await parser.destroy().catch(() => {});
  }
}

// ---- Images and OCR --------------------------------------------------------------------------
let canvasModule = null;
function canvas() {
  canvasModule ??= require(workerData.canvasPath);
  return canvasModule;
}

async function readImage(id, data, limits) {
  parentPort.postMessage({ id, type: 'tick' });
  const { loadImage, createCanvas } = canvas();
  const image = await loadImage(Buffer.from(data));
  if (image.width * image.height > limits.imageMaxPixels) throw new LimitError('image has ' + image.width * image.height + ' pixels');
  const scale = Math.min(1, limits.ocrMaxPixels / Math.max(image.width, image.height));
  const w = Math.max(1, Math.round(image.width * scale));
  const h = Math.max(1, Math.round(image.height * scale));
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.drawImage(image, 0, 0, w, h);
  // Points per pixel: a phone photo of an A4 sheet is about 600 pt across its long side.
  const ptPerPx = 842 / Math.max(w, h);
  return { pages: [await ocrPixels(ctx.getImageData(0, 0, w, h), ptPerPx)], pageCount: 1, ocr: true };
}

/** RGBA → grey, evened out against a blurred background (shadows, tint), as a PGM. */
function preprocess(img) {
  const { width: w, height: h, data } = img;
  const grey = new Float32Array(w * h);
  // The darkest channel, so that coloured ink (blue headings, red rules) reads as dark as black.
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) grey[i] = Math.min(data[p], data[p + 1], data[p + 2]);
  // Background by a box blur (integral image), then each pixel against its neighbourhood.
  const r = Math.max(8, Math.round(Math.min(w, h) / 40));
  const integral = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += grey[y * w + x];
      integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
    }
  }
  const out = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
      const sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1] - integral[y1 * (w + 1) + x0] + integral[y0 * (w + 1) + x0];
      const mean = sum / ((x1 - x0) * (y1 - y0));
      const v = grey[y * w + x];
      // Each pixel against its surroundings: shadows and tint even out, paper turns white, and
      // the engine still gets the grey edges it binarizes best itself (a hard threshold here
      // hollowed out large bold letters and lost the name).
      out[y * w + x] = Math.max(0, Math.min(255, Math.round((255 * v) / Math.max(1, mean))));
    }
  }
  eraseRules(out, w, h);
  return Buffer.concat([Buffer.from('P5\n' + w + ' ' + h + '\n255\n', 'latin1'), out]);
}

/**
 * Rules and bars (a section heading's coloured bar, a sidebar's edge) are dark runs far longer
 * than any letter; left in, the engine reads them as part of the word beside them ("[perience").
 */
function eraseRules(px, w, h) {
  const maxRun = Math.max(40, Math.round(Math.max(w, h) / 25));
  const scan = (count, length, at) => {
    for (let a = 0; a < count; a++) {
      let start = -1;
      for (let b = 0; b <= length; b++) {
        const dark = b < length && px[at(a, b)] < 128;
        if (dark && start < 0) start = b;
        if (!dark && start >= 0) {
          if (b - start > maxRun) for (let k = start; k < b; k++) px[at(a, k)] = 255;
          start = -1;
        }
      }
    }
  };
  scan(h, w, (y, x) => y * w + x);
  scan(w, h, (x, y) => y * w + x);
}

let ocrWorker = null;
async function tesseract() {
  if (!ocrWorker) {
    const { createWorker } = require(workerData.tesseractPath);
    // Language data from the installed npm package; 'none' keeps it from writing a cache file.
    ocrWorker = await createWorker(workerData.ocrLanguages, 1, {
      langPath: workerData.ocrLangPath, gzip: true, cacheMethod: 'none',
    });
  }
  return ocrWorker;
}

/** "Engineer Ill," → "Engineer III,": a run of I-like glyphs after a word is a Roman numeral. */
function romanI(text, before) {
  const m = /^([Il1|]{1,4})([,.;:]?)$/.exec(text);
  return m && /[A-Za-z]{3,}$/.test(before) ? 'I'.repeat(m[1].length) + m[2] : text;
}

async function ocrPixels(img, ptPerPx) {
  const worker = await tesseract();
  // Telling the resolution saves the engine guessing it (and logging that it did).
  await worker.setParameters({ user_defined_dpi: String(Math.round(72 / ptPerPx)) });
  const { data } = await worker.recognize(preprocess(img), { rotateAuto: true }, { blocks: true, text: false });
  const items = [];
  const H = img.height;
  for (const block of data.blocks || []) {
    for (const para of block.paragraphs || []) {
      for (const line of para.lines || []) {
        // Specks of background read as "3" or "i" are short and unsure; real short words are
        // sure, except a Roman numeral after a title ("Engineer I,"). A lone dash stays: it makes
        // "2017 –" over "Present" one range.
        const all = line.words || [];
        const words = all.filter((wd, k) => {
          if (/^[–—-]$/.test(wd.text)) return wd.confidence >= 35;
          if (!/[\p{L}\p{N}@]/u.test(wd.text)) return false;
          const numeral = romanI(wd.text, all[k - 1]?.text ?? '') !== wd.text;
          return wd.confidence >= (wd.text.length <= 2 && !numeral ? 80 : numeral ? 35 : 15);
        });
        if (words.length === 0) continue;
        const heights = words.map((wd) => wd.bbox.y1 - wd.bbox.y0).sort((a, b) => a - b);
        const lineSize = heights[Math.floor(heights.length / 2)];
        const base = line.baseline && Number.isFinite(line.baseline.y0) ? (line.baseline.y0 + line.baseline.y1) / 2 : line.bbox.y1;
        for (const wd of words) {
          items.push({
            // Roman numerals after a title come out as "Ill", "Il" or "1": they are I's.
            str: romanI(wd.text, all[all.indexOf(wd) - 1]?.text ?? ''), x: wd.bbox.x0 * ptPerPx, y: (H - base) * ptPerPx,
            // A word's own height, not the line's: the engine may put a large name and a small
            // phone number on one line.
            width: (wd.bbox.x1 - wd.bbox.x0) * ptPerPx, fontSize: Math.max(wd.bbox.y1 - wd.bbox.y0, lineSize * 0.8) * ptPerPx,
          });
        }
      }
    }
  }
  return { width: img.width * ptPerPx, height: H * ptPerPx, items };
}

// ---- DOCX ------------------------------------------------------------------------------------
/** The ZIP's central directory, read without inflating anything. */
function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a ZIP archive (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new Error('broken ZIP central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { method, compressed, size, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function inflateEntry(buf, entry, maxBytes) {
  // Checked before inflating: what the archive declares. A lying archive is stopped by
  // maxOutputLength while inflating, so neither can make this thread hold more than maxBytes.
  if (entry.size > maxBytes) throw new LimitError('a part declares ' + entry.size + ' bytes unpacked');
  const p = entry.local;
  if (buf.readUInt32LE(p) !== 0x04034b50) throw new Error('broken ZIP local header');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const raw = buf.subarray(start, start + entry.compressed);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) throw new Error('unsupported ZIP compression ' + entry.method);
  try {
    return zlib.inflateRawSync(raw, { maxOutputLength: maxBytes });
  } catch (err) {
    if (err && (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)) throw new LimitError('a part unpacks to more than ' + maxBytes + ' bytes');
    throw err;
  }
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) => {
    if (e[0] === '#') { const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10); return Number.isFinite(n) ? String.fromCodePoint(n) : m; }
    return ENTITIES[e] ?? m;
  });
}

/**
 * Paragraphs in document order, each with its table position (a path of [table, row, cell]
 * indices, nested tables included), style, size and whether it is a list item.
 */
function docxBlocks(xml, maxItems) {
  const blocks = [];
  const tokens = /<(\/?)w:(p|tbl|tr|tc|t|tab|br|cr|pStyle|sz|numPr|b|gridCol|tcW|gridSpan)\b([^>]*?)(\/?)>|([^<]+)/g;
  const stack = []; // open tables: { table, row, cell }
  let tableCount = 0;
  let para = null;
  let inText = false;
  let m;
  while ((m = tokens.exec(xml))) {
    const [, close, tag, attrs, selfClose, text] = m;
    if (text !== undefined) { if (inText && para) para.text += unescapeXml(text); continue; }
    const val = /w:val="([^"]*)"/.exec(attrs || '');
    if (tag === 'tbl') {
      if (!close) stack.push({ table: tableCount++, row: -1, cell: -1, widths: [] });
      else stack.pop();
    } else if (tag === 'gridCol' && stack.length) {
      const w = /w:w="(\d+)"/.exec(attrs || '');
      if (w) stack[stack.length - 1].widths.push(Number(w[1]));
    } else if (tag === 'tr' && !close && stack.length) {
      const top = stack[stack.length - 1]; top.row++; top.cell = -1;
    } else if (tag === 'tc' && !close && stack.length) {
      stack[stack.length - 1].cell++;
    } else if (tag === 'p') {
      if (!close && !selfClose) {
        para = { text: '', style: null, size: null, list: false, bold: false,
          cells: stack.map((s) => [s.table, s.row, s.cell, s.widths.length ? Math.round(100 * (s.widths[s.cell] || 0) / s.widths.reduce((a, b) => a + b, 0)) : 0]) };
      } else if (close && para) {
        // The result crosses to the server's heap: a resume has hundreds of paragraphs, not millions.
        if (blocks.length >= maxItems) throw new LimitError('more than ' + maxItems + ' paragraphs');
        blocks.push(para);
        para = null;
      }
    } else if (tag === 't') {
      inText = !close && !selfClose;
    } else if (para && (tag === 'tab')) {
      para.text += '\t';
    } else if (para && (tag === 'br' || tag === 'cr')) {
      para.text += '\n';
    } else if (para && tag === 'pStyle' && val) {
      para.style = val[1];
    } else if (para && tag === 'sz' && val) {
      para.size = Math.max(para.size || 0, Number(val[1]) / 2);
    } else if (para && tag === 'numPr') {
      para.list = true;
    } else if (para && tag === 'b' && !(val && (val[1] === '0' || val[1] === 'false'))) {
      para.bold = true;
    }
  }
  return blocks;
}

function readDocx(id, data, limits) {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries = zipEntries(buf);
  let declared = 0;
  for (const e of entries.values()) declared += e.size;
  if (declared > limits.docxMaxUnpackedBytes) throw new LimitError('the archive declares ' + declared + ' bytes unpacked');
  const main = entries.get('word/document.xml');
  if (!main) throw new Error('no word/document.xml');
  const xml = inflateEntry(buf, main, limits.docxMaxUnpackedBytes).toString('utf8');
  return { blocks: docxBlocks(xml, limits.maxItems), pageCount: 1, ocr: false };
}

// ---- Dispatch --------------------------------------------------------------------------------
parentPort.on('message', async ({ id, kind, data, limits }) => {
  try {
    const result = kind === 'pdf' ? await readPdf(id, data, limits) : kind === 'docx' ? readDocx(id, data, limits) : await readImage(id, data, limits);
    parentPort.postMessage({ id, type: 'done', result });
  } catch (err) {
    parentPort.postMessage({ id, type: 'error', name: (err && err.name) || 'Error', message: String((err && err.message) || err) });
  }
});
`;

/**
 * The source of the extraction worker thread, as plain CommonJS: the thread runs outside jest's
 * and tsx's module systems, the same in tests, development and `dist/`. It only collects raw
 * material (positioned PDF items, DOCX blocks, OCR words); turning that into lines is pure code
 * in the main thread (pdf-layout, docx-layout). Every file type comes through here, so a hostile
 * file can exhaust this thread's heap or time, never the server's.
 *
 * Messages in: { id, kind: 'pdf' | 'docx' | 'image', data: Uint8Array, limits }.
 * Messages out: { id, type: 'tick', page, pages } before each OCR page (the caller's per-page clock
 * restarts, and it may tell the user that a picture takes longer),
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
      parentPort.postMessage({ id, type: 'tick', page: n, pages: count });
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const scale = Math.min(limits.ocrDpi / 72, limits.ocrMaxPixels / Math.max(base.width, base.height));
      const viewport = page.getViewport({ scale });
      const made = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      made.context.fillStyle = '#fff';
      made.context.fillRect(0, 0, made.canvas.width, made.canvas.height);
      await page.render({ canvasContext: made.context, viewport, canvas: made.canvas }).promise;
      const img = made.context.getImageData(0, 0, made.canvas.width, made.canvas.height);
      // A page may be a photo too (a PDF of phone pictures): its surround is cut away the same way.
      ocrPages.push(await ocrPixels(img, 1 / scale, limits, { paper: true }));
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
  parentPort.postMessage({ id, type: 'tick', page: 1, pages: 1 });
  const { loadImage, createCanvas } = canvas();
  const image = await loadImage(Buffer.from(data));
  if (image.width * image.height > limits.imageMaxPixels) throw new LimitError('image has ' + image.width * image.height + ' pixels');
  const scale = Math.min(1, limits.ocrMaxPixels / Math.max(image.width, image.height));
  const w = Math.max(1, Math.round(image.width * scale));
  const h = Math.max(1, Math.round(image.height * scale));
  const c = createCanvas(w, h);
  const ctx = c.getContext('2d');
  ctx.drawImage(image, 0, 0, w, h);
  // Points per pixel: a photo of an A4 sheet is about 842 pt along its long side.
  const ptPerPx = 842 / Math.max(w, h);
  // A photo may show the table around the sheet: that is cut away.
  return { pages: [await ocrPixels(ctx.getImageData(0, 0, w, h), ptPerPx, limits, { paper: true })], pageCount: 1, ocr: true };
}

/** Otsu's threshold of values in 0..255. */
function otsu(values) {
  const hist = new Float64Array(256);
  for (const v of values) hist[Math.max(0, Math.min(255, Math.round(v)))]++;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i];
  let sumB = 0, wB = 0, best = -1, t = 0;
  for (let i = 0; i < 256; i++) {
    wB += hist[i];
    const wF = values.length - wB;
    if (!wB) continue;
    if (!wF) break;
    sumB += i * hist[i];
    const between = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (between > best) { best = between; t = i; }
  }
  return t;
}

/**
 * The cells (of a coarse grid over the image) that lie off the sheet in a photo: a dark
 * surround (a table, a background) connected to all four edges of the picture. A dark band of
 * the page itself (a sidebar, a header bar) touches three edges at most and is kept; a page with
 * no such surround (a scan, a rendered page) gives null and is read whole.
 */
function offPaper(meanAt, w, h, cell) {
  const gw = Math.ceil(w / cell), gh = Math.ceil(h / cell);
  const m = new Float32Array(gw * gh);
  for (let gy = 0; gy < gh; gy++)
    for (let gx = 0; gx < gw; gx++) m[gy * gw + gx] = meanAt(Math.min(w - 1, gx * cell + (cell >> 1)), Math.min(h - 1, gy * cell + (cell >> 1)));
  const t = otsu(m);
  let dark = 0, bright = 0, nd = 0;
  for (const v of m) if (v <= t) { dark += v; nd++; } else bright += v;
  const nb = m.length - nd;
  if (nd === 0 || nb === 0 || bright / nb - dark / nd < 40) return null;
  const off = new Uint8Array(gw * gh);
  const stack = [];
  for (let gx = 0; gx < gw; gx++) stack.push(gx, (gh - 1) * gw + gx);
  for (let gy = 0; gy < gh; gy++) stack.push(gy * gw, gy * gw + gw - 1);
  while (stack.length) {
    const k = stack.pop();
    if (off[k] || m[k] > t) continue;
    off[k] = 1;
    const gx = k % gw;
    if (gx > 0) stack.push(k - 1);
    if (gx < gw - 1) stack.push(k + 1);
    if (k >= gw) stack.push(k - gw);
    if (k + gw < off.length) stack.push(k + gw);
  }
  let top = false, bottom = false, left = false, right = false, count = 0;
  for (let gx = 0; gx < gw; gx++) { top ||= !!off[gx]; bottom ||= !!off[(gh - 1) * gw + gx]; }
  for (let gy = 0; gy < gh; gy++) { left ||= !!off[gy * gw]; right ||= !!off[gy * gw + gw - 1]; }
  for (const o of off) count += o;
  if (!(top && bottom && left && right) || count > 0.7 * off.length) return null;
  // One cell more: the sheet's edge is a step from dark to light that reads as glyphs.
  const grown = off.slice();
  for (let k = 0; k < off.length; k++) {
    if (!off[k]) continue;
    const gx = k % gw;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const j = k + dy * gw + dx;
      if (j >= 0 && j < off.length && gx + dx >= 0 && gx + dx < gw) grown[j] = 1;
    }
  }
  let x0 = gw, y0 = gh, x1 = -1, y1 = -1;
  for (let gy = 0; gy < gh; gy++)
    for (let gx = 0; gx < gw; gx++)
      if (!grown[gy * gw + gx]) { x0 = Math.min(x0, gx); x1 = Math.max(x1, gx); y0 = Math.min(y0, gy); y1 = Math.max(y1, gy); }
  if (x1 < 0) return null;
  // The sheet's corners: the on-sheet cells furthest out along the two diagonals.
  const corner = (score) => {
    let best = null, bestScore = -Infinity;
    for (let k = 0; k < grown.length; k++) {
      if (grown[k]) continue;
      const gx = k % gw, gy = (k - gx) / gw, v = score(gx, gy);
      if (v > bestScore) { bestScore = v; best = [(gx + 0.5) * cell, (gy + 0.5) * cell]; }
    }
    return best;
  };
  const corners = [corner((x, y) => -x - y), corner((x, y) => x - y), corner((x, y) => x + y), corner((x, y) => y - x)];
  // A sheet fills its outline; bright islands on a dark page (a dark design's text boxes) do not.
  let onSheet = 0;
  for (const o of grown) onSheet += o ? 0 : 1;
  let area = 0;
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = corners[i] || [0, 0], [bx, by] = corners[(i + 1) % 4] || [0, 0];
    area += ax * by - bx * ay;
  }
  if (onSheet * cell * cell < 0.8 * Math.abs(area / 2)) return null;
  return { off: grown, gw, corners, box: [x0 * cell, y0 * cell, Math.min(w, (x1 + 1) * cell), Math.min(h, (y1 + 1) * cell)] };
}

/**
 * RGBA → grey, evened out against a blurred background (shadows, tint); for a photo, the
 * surround off the sheet is cut away. Returns the grey pixels and where they lie in the input.
 */
function preprocess(img, options) {
  const { width: w, height: h, data } = img;
  const grey = new Float32Array(w * h);
  // Luminance, not the darkest channel: JPEG stores colour at half resolution, so a tinted
  // photo's darkest channel is blurred and noisy; coloured ink is dark enough in luminance.
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) grey[i] = 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
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
  const meanAt = (x, y) => {
    const y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
    const x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
    const sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1] - integral[y1 * (w + 1) + x0] + integral[y0 * (w + 1) + x0];
    return sum / ((x1 - x0) * (y1 - y0));
  };
  const cell = Math.max(4, Math.round(r / 2));
  const paper = options.paper ? offPaper(meanAt, w, h, cell) : null;
  const [bx0, by0, bx1, by1] = paper ? paper.box : [0, 0, w, h];
  const bw = bx1 - bx0, bh = by1 - by0;
  const out = Buffer.alloc(bw * bh);
  for (let y = by0; y < by1; y++) {
    for (let x = bx0; x < bx1; x++) {
      const o = (y - by0) * bw + (x - bx0);
      if (paper && paper.off[Math.floor(y / cell) * paper.gw + Math.floor(x / cell)]) { out[o] = 255; continue; }
      // Each pixel against its surroundings: shadows and tint even out, paper turns white, and
      // the engine still gets the grey edges it binarizes best itself (a hard threshold here
      // hollowed out large bold letters and lost the name).
      out[o] = Math.max(0, Math.min(255, Math.round((255 * grey[y * w + x]) / Math.max(1, meanAt(x, y)))));
    }
  }
  eraseRules(out, bw, bh);
  const result = { px: out, w: bw, h: bh, x0: bx0, y0: by0 };
  return paper ? flatten(result, paper.corners.map(([x, y]) => [x - bx0, y - by0])) : result;
}

/** The homography taking the unit square's corners (0,0) (1,0) (1,1) (0,1) to quad q. */
function squareToQuad(q) {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q;
  const dx1 = x1 - x2, dx2 = x3 - x2, dx3 = x0 - x1 + x2 - x3;
  const dy1 = y1 - y2, dy2 = y3 - y2, dy3 = y0 - y1 + y2 - y3;
  const det = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / det, h = (dx1 * dy3 - dx3 * dy1) / det;
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h];
}

/**
 * A photographed sheet is a tilted quadrilateral, its lines slanting differently at top and
 * bottom, which one rotation cannot straighten (lines then merge): it is mapped back to a
 * rectangle. Positions come out in the rectangle's pixels; x0/y0 stay those of the crop.
 */
function flatten(grey, quad) {
  if (quad.some((c) => !c)) return grey;
  const d = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const W = Math.round((d(quad[0], quad[1]) + d(quad[3], quad[2])) / 2);
  const H = Math.round((d(quad[0], quad[3]) + d(quad[1], quad[2])) / 2);
  // Not a sheet (a sliver, or corners that cross): leave the picture as it is.
  if (W < grey.w / 3 || H < grey.h / 3) return grey;
  const [a, b, c, dd, e, f, g, h] = squareToQuad(quad);
  const px = Buffer.alloc(W * H, 255);
  const src = grey.px, sw = grey.w, sh = grey.h;
  for (let y = 0; y < H; y++) {
    const v = (y + 0.5) / H;
    for (let x = 0; x < W; x++) {
      const u = (x + 0.5) / W;
      const z = g * u + h * v + 1;
      const sx = (a * u + b * v + c) / z - 0.5, sy = (dd * u + e * v + f) / z - 0.5;
      const ix = Math.floor(sx), iy = Math.floor(sy);
      if (ix < 0 || iy < 0 || ix + 1 >= sw || iy + 1 >= sh) continue;
      const fx = sx - ix, fy = sy - iy, k = iy * sw + ix;
      px[y * W + x] = Math.round((src[k] * (1 - fx) + src[k + 1] * fx) * (1 - fy) + (src[k + sw] * (1 - fx) + src[k + sw + 1] * fx) * fy);
    }
  }
  return { px, w: W, h: H, x0: grey.x0, y0: grey.y0 };
}

/**
 * Small print scanned or photographed at low resolution (letters under about 20 pixels) is
 * misread far more often ("8" as "6", "@" as "G"): grey pixels are enlarged, smoothly, towards
 * the resolution the engine reads best, within a pixel budget.
 */
function enlarge(grey, factor) {
  if (factor <= 1.05) return grey;
  const { createCanvas } = canvas();
  const W = Math.round(grey.w * factor), H = Math.round(grey.h * factor);
  const src = createCanvas(grey.w, grey.h);
  const sctx = src.getContext('2d');
  const id = sctx.createImageData(grey.w, grey.h);
  for (let i = 0, p = 0; i < grey.px.length; i++, p += 4) { id.data[p] = id.data[p + 1] = id.data[p + 2] = grey.px[i]; id.data[p + 3] = 255; }
  sctx.putImageData(id, 0, 0);
  const dst = createCanvas(W, H);
  const dctx = dst.getContext('2d');
  dctx.imageSmoothingEnabled = true;
  dctx.imageSmoothingQuality = 'high';
  dctx.drawImage(src, 0, 0, W, H);
  const big = dctx.getImageData(0, 0, W, H).data;
  const px = Buffer.alloc(W * H);
  for (let i = 0, p = 0; i < px.length; i++, p += 4) px[i] = big[p];
  return { px, w: W, h: H, x0: grey.x0 * factor, y0: grey.y0 * factor };
}

const pgm = (g) => Buffer.concat([Buffer.from('P5\n' + g.w + ' ' + g.h + '\n255\n', 'latin1'), g.px]);

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

// What the engine makes of a faint or small "@" in an address it could not read with confidence.
const AT_MISREADS = ['(@)', '(@', '@)', 'tt', 'tr', 'ft', 'fh', 'G', 'Q', '©', '®', '&', 't'];
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/;

/**
 * Confusable glyphs repaired only inside what is plainly an email or a phone number, where the
 * right character follows from its neighbours: "john.doeGemail.com" (an "@" read as a capital in
 * an all-lower-case address; other misreadings only when the engine itself was unsure),
 * "(l23) 456-78SO" (letters in a run of digits).
 */
function repairContact(text, confidence = 100, contactLine = false) {
  if (!text.includes('@') && /^[a-zA-Z0-9._%+()©®&-]+\.[a-z]{2,}[,;.]?$/.test(text)) {
    const tail = /[,;.]$/.test(text) ? text.slice(-1) : '';
    const body = tail ? text.slice(0, -1) : text;
    for (const mis of AT_MISREADS) {
      // A lower-case letter is only an "@" when the engine doubted the word, on a line of contacts.
      if (/^[a-z]+$/.test(mis) && (confidence >= 50 || !contactLine)) continue;
      for (let at = body.indexOf(mis, 2); at >= 0; at = body.indexOf(mis, at + 1)) {
        const local = body.slice(0, at), domain = body.slice(at + mis.length);
        if (/^[a-z0-9._%+-]+$/.test(local) && !/[.]$/.test(local) && DOMAIN.test(domain)) return local + '@' + domain + tail;
      }
    }
  }
  const core = /^([(+]?)([\dOoIl|SB().\-]+?)([,;]?)$/.exec(text);
  if (core && /[OoIl|SB]/.test(core[2])) {
    const digits = (core[2].match(/\d/g) || []).length;
    const letters = (core[2].match(/[OoIl|SB]/g) || []).length;
    if (digits >= 3 && letters <= digits / 2) return core[1] + core[2].replace(/[Oo]/g, '0').replace(/[Il|]/g, '1').replace(/S/g, '5').replace(/B/g, '8') + core[3];
  }
  return text;
}

/**
 * A line's words after the engine: specks dropped, numerals and contacts repaired, an email the
 * engine split after a dot ("john." "doe@x.com") joined, and in a line that names a date a period
 * between a word and a capitalised one read as the comma it nearly always is there ("Developer.
 * ABC Company, 2018").
 */
function cleanWords(words0) {
  const all = [...words0];
  // Specks of background read as "3" or "i" are short and unsure; real short words are sure,
  // except a Roman numeral after a title ("Engineer I,"). A lone dash stays: it makes "2017 –"
  // over "Present" one range.
  // A line of contacts: a phone number, a link or an address label beside the word.
  const contactLine = all.some(
    (wd) => (wd.text.match(/\d/g) || []).length >= 7 || /\/|www\.|linkedin|github/i.test(wd.text) || /^(e-?mail|correo|邮箱)[:：]?$/i.test(wd.text),
  );
  const kept = [];
  all.forEach((wd, k) => {
    const before = all[k - 1]?.text ?? '';
    if (/^[–—-]$/.test(wd.text)) {
      // A dash is wider than tall; a tall one is a rule or a bar's edge.
      if (wd.confidence >= 35 && wd.bbox.x1 - wd.bbox.x0 >= wd.bbox.y1 - wd.bbox.y0) kept.push({ ...wd });
      return;
    }
    const numeral = romanI(wd.text, before) !== wd.text;
    if (!numeral && !/[\p{L}\p{N}@]/u.test(wd.text)) return;
    // "john.doe@x" "com": the engine split an address where it lost the dot.
    const next = all[k + 1];
    let text = wd.text;
    let bbox = wd.bbox;
    const joined = next ? text + '.' + next.text : '';
    if (next && /^[a-zA-Z0-9._%+@()©®&-]*[a-z]{2,}$/.test(text) && /^(com|org|net|edu|gov|info|biz|io|me|co|[a-z]{2})[,;.]?$/.test(next.text) && /@/.test(repairContact(joined, wd.confidence, contactLine))) {
      text = joined;
      bbox = { ...bbox, x1: next.bbox.x1 };
      all.splice(k + 1, 1);
    }
    const repaired = repairContact(text, wd.confidence, contactLine);
    const contact = repaired !== text || /@/.test(text);
    if (wd.confidence < (text.length <= 2 && !numeral ? 80 : numeral || contact ? 0 : 15)) return;
    // Roman numerals after a title come out as "Ill", "Il" or "1": they are I's.
    kept.push({ ...wd, bbox, text: numeral ? romanI(text, before) : repaired });
  });
  // A bullet or an ornament around a heading ("o Skills o") read as a letter: a lone glyph far
  // smaller than the line's words (a real "o" or "e" is as tall as the x-height, not under it).
  const sizes = kept.filter((wd) => /[\p{L}\p{N}]{2}/u.test(wd.text)).map((wd) => wd.bbox.y1 - wd.bbox.y0).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)] || 0;
  const ornament = (wd) => /^[oOeEc©®¢•*·]$/.test(wd.text) && wd.bbox.y1 - wd.bbox.y0 < 0.42 * size;
  const words = [];
  for (const wd of kept.length > 1 ? kept.filter((wd) => !ornament(wd)) : kept) {
    const prev = words[words.length - 1];
    if (prev && /^[a-z0-9._%+-]+[._-]$/.test(prev.text) && /^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+[,;.]?$/.test(wd.text)) {
      prev.text += wd.text;
      prev.bbox = { ...prev.bbox, x1: wd.bbox.x1 };
      continue;
    }
    words.push(wd);
  }
  if (words.some((wd) => /^\(?(?:19|20)\d{2}\b/.test(wd.text)) && words.some((wd) => /,$/.test(wd.text))) {
    for (let k = 0; k + 1 < words.length; k++) {
      const m = /^(\p{L}{4,})\.$/u.exec(words[k].text);
      if (m && /^\p{Lu}/u.test(words[k + 1].text)) words[k].text = m[1] + ',';
    }
  }
  return words;
}

/**
 * The engine reads a line at the height of its tallest letters, so small print it put on one
 * line with large (a phone number level with the name) comes out squashed and misread: those
 * words are read again on their own, in their own rectangle.
 */
async function rereadSmallPrint(worker, image, rotateRadians, line) {
  const words = line.words || [];
  const height = (wd) => wd.bbox.y1 - wd.bbox.y0;
  // Large print the engine is sure of (a name: two words or more), not a word swollen by a speck.
  const sure = words.filter((wd) => wd.confidence >= 80 && /[\p{L}\p{N}]{3}/u.test(wd.text));
  const tall = Math.max(0, ...sure.map(height));
  if (sure.filter((wd) => height(wd) >= 0.75 * tall).length < 2) return [line];
  const small = words.filter((wd) => height(wd) <= 0.66 * tall && /[\p{L}\p{N}]/u.test(wd.text));
  // Worth it for contacts beside a larger name; plain prose mixes heights too (x-height words).
  if (!small.some((wd) => /[\d@]/.test(wd.text))) return [line];
  const smallSize = Math.max(...small.map(height));
  const x0 = Math.min(...small.map((wd) => wd.bbox.x0)), x1 = Math.max(...small.map((wd) => wd.bbox.x1));
  const y0 = Math.min(...small.map((wd) => wd.bbox.y0)), y1 = Math.max(...small.map((wd) => wd.bbox.y1));
  const pad = Math.round(0.4 * smallSize);
  const left = Math.max(0, x0 - pad), top = Math.max(0, y0 - pad);
  const { data } = await worker.recognize(image, { rotateRadians, rectangle: { left, top, width: x1 + pad - left, height: y1 + pad - top } }, { blocks: true, text: false });
  // Only what lies where the small words were: the rectangle may clip other lines.
  const inside = (wd) => { const cx = (wd.bbox.x0 + wd.bbox.x1) / 2, cy = (wd.bbox.y0 + wd.bbox.y1) / 2; return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1; };
  const again = [];
  for (const block of data.blocks || []) for (const para of block.paragraphs || []) for (const l of para.lines || []) {
    const kept = (l.words || []).filter(inside);
    if (kept.length > 0) again.push({ ...l, words: kept });
  }
  if (again.length === 0) return [line];
  const rest = words.filter((wd) => !inside(wd));
  return [{ ...line, words: rest }, ...again];
}

async function ocrPixels(img, ptPerPx, limits, options) {
  const worker = await tesseract();
  const grey = preprocess(img, options);
  const dpi = 72 / ptPerPx;
  const factor = Math.max(1, Math.min(2, limits.ocrTargetDpi / dpi, Math.sqrt(limits.ocrMaxEnlargedPixels / (grey.w * grey.h))));
  const big = enlarge(grey, factor);
  const f = big === grey ? 1 : factor;
  // Telling the resolution saves the engine guessing it (and logging that it did).
  await worker.setParameters({ user_defined_dpi: String(Math.round(dpi * f)) });
  const image = pgm(big);
  const { data } = await worker.recognize(image, { rotateAuto: true }, { blocks: true, text: false });
  const lines = [];
  for (const block of data.blocks || []) {
    for (const para of block.paragraphs || []) {
      for (const line of para.lines || []) {
        lines.push(...(await rereadSmallPrint(worker, image, data.rotateRadians || 0, line)));
      }
    }
  }
  const items = [];
  const H = img.height;
  // From the enlarged, cropped picture back to points of the page.
  const px = (x) => (x / f + grey.x0) * ptPerPx;
  const py = (y) => (H - (y / f + grey.y0)) * ptPerPx;
  for (const line of lines) {
    const words = cleanWords(line.words || []);
    if (words.length === 0) continue;
    const heights = words.map((wd) => wd.bbox.y1 - wd.bbox.y0).sort((a, b) => a - b);
    const lineSize = heights[Math.floor(heights.length / 2)];
    const base = line.baseline && Number.isFinite(line.baseline.y0) ? (line.baseline.y0 + line.baseline.y1) / 2 : line.bbox.y1;
    for (const wd of words) {
      items.push({
        str: wd.text, x: px(wd.bbox.x0), y: py(base),
        // A word's own height, not the line's: the engine may put a large name and a small
        // phone number on one line.
        width: ((wd.bbox.x1 - wd.bbox.x0) / f) * ptPerPx, fontSize: (Math.max(wd.bbox.y1 - wd.bbox.y0, lineSize * 0.8) / f) * ptPerPx,
      });
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

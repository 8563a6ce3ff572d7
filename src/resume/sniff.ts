/** What the bytes say a file is; the name and the declared MIME type are never trusted. */
export type SniffedType = 'pdf' | 'docx' | 'jpeg' | 'png' | 'unknown';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const DOCX_MAIN_PART = Buffer.from('word/document.xml', 'latin1');
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Readers accept a PDF header anywhere in the first kilobyte (some generators prepend junk).
const PDF_HEADER_WINDOW = 1024;

export function sniffResumeType(bytes: Uint8Array): SniffedType {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, PDF_HEADER_WINDOW).includes(PDF_MAGIC)) return 'pdf';
  // ZIP entry names are stored uncompressed in the local headers and the central directory,
  // so a DOCX shows its main part's name in plain bytes; other ZIPs (xlsx, jar) do not.
  if (buf.subarray(0, 4).equals(ZIP_MAGIC) && buf.includes(DOCX_MAIN_PART)) return 'docx';
  if (buf.subarray(0, 3).equals(JPEG_MAGIC)) return 'jpeg';
  if (buf.subarray(0, 8).equals(PNG_MAGIC)) return 'png';
  return 'unknown';
}

/** Pictures (a scan, a phone photo) are read by OCR. */
export function isImageType(type: SniffedType): type is 'jpeg' | 'png' {
  return type === 'jpeg' || type === 'png';
}

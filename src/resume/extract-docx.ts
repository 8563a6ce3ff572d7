import { CorruptError } from './errors';
import { linesFromPlainText, type ExtractedText } from './text-lines';

type Mammoth = typeof import('mammoth');
let mammothModule: Promise<Mammoth> | null = null;

/** Raw text of a DOCX (paragraphs as lines; Word has no reliable layout to read). */
export async function extractDocx(bytes: Buffer): Promise<ExtractedText> {
  // Loaded on first use: most resumes are PDFs, and the chat path never needs mammoth.
  mammothModule ??= import('mammoth');
  const mammoth = await mammothModule;
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return { lines: linesFromPlainText(result.value), pageCount: 1 };
  } catch (err) {
    throw new CorruptError('the DOCX could not be opened', { cause: err });
  }
}

import { sniffResumeType } from '../../../src/resume/sniff';
import { buildDocx, buildTextPdf, buildZip } from './build-files';

describe('sniffResumeType', () => {
  it('knows a PDF by its %PDF- header', () => {
    expect(sniffResumeType(buildTextPdf(['x']))).toBe('pdf');
  });

  it('accepts a PDF header after leading junk within the first kilobyte', () => {
    expect(sniffResumeType(Buffer.concat([Buffer.alloc(100, 0x20), buildTextPdf(['x'])]))).toBe('pdf');
  });

  it('knows a DOCX as a ZIP holding word/document.xml', () => {
    expect(sniffResumeType(buildDocx(['Jane']))).toBe('docx');
  });

  it('refuses another ZIP (no word/document.xml)', () => {
    expect(sniffResumeType(buildZip({ 'xl/workbook.xml': '<x/>' }))).toBe('unknown');
  });

  it('knows a JPEG and a PNG (photos and scans) by their signatures', () => {
    expect(sniffResumeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(sniffResumeType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
  });

  it('refuses random bytes whatever the name', () => {
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 251));
    expect(sniffResumeType(random)).toBe('unknown');
  });

  it('refuses an empty file', () => {
    expect(sniffResumeType(Buffer.alloc(0))).toBe('unknown');
  });
});

/** The consultation report as PDF bytes. pdfmake (about 1 MB) is loaded with dynamic import() the
 * first time a report is made, and its Roboto fonts are given as the TTF files themselves (640 kB,
 * where pdfmake's own vfs_fonts.js carries them as 850 kB of base64 text): in the app the report
 * worker fetches them from the app's own files (workers/report.worker.ts), the tests read them from
 * disk. The same build of pdfmake runs in the worker and in Node. */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { reportDocument } from './reportDoc';
import type { ReportInput } from './reportInput';

/** The four faces of the report's Roboto, under the names pdfmake's default font table gives them. */
export const REPORT_FONT_FILES = ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf'] as const;
export type ReportFontFile = (typeof REPORT_FONT_FILES)[number];
export type ReportFonts = Record<ReportFontFile, Uint8Array>;

interface PdfMake {
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
  addVirtualFileSystem(vfs: Record<string, { data: string; encoding: 'base64' }>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
}

let loading: Promise<PdfMake> | null = null;

/** CommonJS modules come through import() as `default` in Node and, depending on the bundler's
 * interop, as `default` or the namespace itself in the browser. */
const moduleValue = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;

/** Base64 without Node's Buffer (absent in a worker), a block at a time so no argument list grows large. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function loadPdfMake(fonts: ReportFonts): Promise<PdfMake> {
  const pdfMake = moduleValue<PdfMake>(await import('pdfmake/build/pdfmake.js'));
  pdfMake.addVirtualFileSystem(Object.fromEntries(REPORT_FONT_FILES.map((name) => [name, { data: base64(fonts[name]), encoding: 'base64' as const }])));
  // The report embeds only what it is given: nothing in it may make pdfmake fetch from the network.
  pdfMake.setUrlAccessPolicy(() => false);
  return pdfMake;
}

/** pdfmake with the fonts, loaded once; a failed load is forgotten so the next report tries again. */
function pdfMake(fonts: () => Promise<ReportFonts>): Promise<PdfMake> {
  loading ??= fonts()
    .then(loadPdfMake)
    .catch((e: unknown) => {
      loading = null;
      throw e;
    });
  return loading;
}

/** Builds the report (reportDoc.ts) and renders it to PDF bytes; `fonts` is called the first time only. */
export async function renderReportPdf(input: ReportInput, fonts: () => Promise<ReportFonts>): Promise<Uint8Array> {
  const doc = reportDocument(input);
  const buffer = await (await pdfMake(fonts)).createPdf(doc).getBuffer();
  // A plain Uint8Array, not Node's or the polyfill's Buffer subclass.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

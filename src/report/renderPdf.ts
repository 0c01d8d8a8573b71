/** The consultation report as PDF bytes. pdfmake and its Roboto fonts (about 3 MB together) are
 * loaded with dynamic import() the first time a report is made, so the app's main bundle does not
 * carry them. The same build of pdfmake runs in the browser and in Node (for the tests). */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { reportDocument } from './reportDoc';
import type { ReportInput } from './reportInput';

interface PdfMake {
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
  addVirtualFileSystem(vfs: Record<string, string>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
}

let loading: Promise<PdfMake> | null = null;

/** CommonJS modules come through import() as `default` in Node and, depending on the bundler's
 * interop, as `default` or the namespace itself in the browser. */
const moduleValue = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;

async function loadPdfMake(): Promise<PdfMake> {
  const [pdfMakeModule, vfsModule] = await Promise.all([import('pdfmake/build/pdfmake.js'), import('pdfmake/build/vfs_fonts.js')]);
  const pdfMake = moduleValue<PdfMake>(pdfMakeModule);
  pdfMake.addVirtualFileSystem(moduleValue<Record<string, string>>(vfsModule));
  // The report embeds only what it is given: nothing in it may make pdfmake fetch from the network.
  pdfMake.setUrlAccessPolicy(() => false);
  return pdfMake;
}

/** pdfmake, loaded once; a failed load is forgotten so the next report tries again. */
function pdfMake(): Promise<PdfMake> {
  loading ??= loadPdfMake().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/** Builds the report (reportDoc.ts) and renders it to PDF bytes. */
export async function renderReportPdf(input: ReportInput): Promise<Uint8Array> {
  const doc = reportDocument(input);
  const buffer = await (await pdfMake()).createPdf(doc).getBuffer();
  // A plain Uint8Array, not Node's or the polyfill's Buffer subclass.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

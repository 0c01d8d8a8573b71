/** Lays out the consultation report as a PDF off the main thread (pdfmake's layout of the report
 * blocked the page for about a second). The fonts are the TTF files served beside the app. */
import * as Comlink from 'comlink';
import regularUrl from 'pdfmake/build/fonts/Roboto/Roboto-Regular.ttf?url';
import mediumUrl from 'pdfmake/build/fonts/Roboto/Roboto-Medium.ttf?url';
import italicUrl from 'pdfmake/build/fonts/Roboto/Roboto-Italic.ttf?url';
import mediumItalicUrl from 'pdfmake/build/fonts/Roboto/Roboto-MediumItalic.ttf?url';
import { renderReportPdf, type ReportFontFile, type ReportFonts } from '../src/report/renderPdf';
import type { ReportInput } from '../src/report/reportInput';

const FONT_URLS: Record<ReportFontFile, string> = {
  'Roboto-Regular.ttf': regularUrl,
  'Roboto-Medium.ttf': mediumUrl,
  'Roboto-Italic.ttf': italicUrl,
  'Roboto-MediumItalic.ttf': mediumItalicUrl,
};

async function fetchFont(url: string): Promise<Uint8Array> {
  const response = await fetch(new URL(url, self.location.href));
  if (!response.ok) throw new Error(`the report's font could not be read (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

async function fonts(): Promise<ReportFonts> {
  const entries = await Promise.all(Object.entries(FONT_URLS).map(async ([name, url]) => [name, await fetchFont(url)] as const));
  return Object.fromEntries(entries) as ReportFonts;
}

const api = {
  async render(input: ReportInput): Promise<Uint8Array> {
    const bytes = await renderReportPdf(input, fonts);
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
};

export type ReportWorkerApi = typeof api;
Comlink.expose(api);

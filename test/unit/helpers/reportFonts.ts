/** The report's Roboto faces as the app serves them: the TTF files that ship with pdfmake. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { REPORT_FONT_FILES, type ReportFonts } from '../../../src/report/renderPdf';

const require = createRequire(import.meta.url);

export const reportFontPath = (file: string) => require.resolve(`pdfmake/build/fonts/Roboto/${file}`);

export const readReportFonts = async (): Promise<ReportFonts> => Object.fromEntries(REPORT_FONT_FILES.map((file) => [file, new Uint8Array(readFileSync(reportFontPath(file)))])) as ReportFonts;

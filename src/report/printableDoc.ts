/** The report's document with all its text made printable in the report's font (model/text.ts
 * says how). Applied to the whole document at once, so free text (the client's name and notes,
 * the clinic, session names, the currency) is covered whichever section prints it. */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { printableText, stripBidiControls } from '../model';
import { robotoHasGlyph } from './robotoGlyphs';

/** `text` as the report's Roboto can print it. */
export const printable = (text: string) => printableText(text, robotoHasGlyph);

/** Keys under which pdfmake content holds text or more content. Everything else (styles, widths,
 * table layouts, images, the chart's SVG, canvas drawings) is left as it is. */
const CONTENT_KEYS = new Set(['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body']);

function printableContent(node: unknown): unknown {
  if (typeof node === 'string') return printable(node);
  if (Array.isArray(node)) return node.map(printableContent);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = { ...node };
    for (const key of Object.keys(out)) if (CONTENT_KEYS.has(key)) out[key] = printableContent(out[key]);
    return out;
  }
  return node;
}

/** Header and footer may be functions of the page: their content is made printable as it is made. */
function printablePart(part: unknown): unknown {
  return typeof part === 'function' ? (...args: unknown[]) => printableContent(part(...args)) : printableContent(part);
}

export function printableDocument(doc: TDocumentDefinitions): TDocumentDefinitions {
  // The metadata is shown by the PDF viewer in its own fonts: only the bidi controls go.
  const info = doc.info && Object.fromEntries(Object.entries(doc.info).map(([k, v]) => [k, typeof v === 'string' ? stripBidiControls(v) : v]));
  return {
    ...doc,
    info,
    header: printablePart(doc.header) as TDocumentDefinitions['header'],
    footer: printablePart(doc.footer) as TDocumentDefinitions['footer'],
    content: printableContent(doc.content) as TDocumentDefinitions['content'],
  };
}

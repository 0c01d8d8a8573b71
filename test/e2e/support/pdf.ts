/** A PDF the app made, read back with pdf.js in Node: the text and the images of each page, the
 * pixels of a page's images, and a page drawn as a PNG (pdf.js draws with @napi-rs/canvas in Node). */
import { getDocument, ImageKind, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Rgba } from './png';

export interface PdfPages {
  /** Text per page, white space collapsed. */
  text: string[];
  /** Images painted per page. */
  images: number[];
}

export const openPdf = (bytes: Uint8Array): Promise<PDFDocumentProxy> =>
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;

export async function readPages(pdf: PDFDocumentProxy): Promise<PdfPages> {
  const text: string[] = [];
  const images: number[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    images.push((await page.getOperatorList()).fnArray.filter((f) => f === OPS.paintImageXObject).length);
    const content = await page.getTextContent();
    text.push(
      content.items
        .map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/\s+/g, ' '),
    );
  }
  return { text, images };
}

/** The images a page paints, decoded, in the order it paints them. */
export async function pageImages(page: PDFPageProxy): Promise<Rgba[]> {
  const ops = await page.getOperatorList();
  const ids = ops.fnArray.flatMap((f, k) => (f === OPS.paintImageXObject ? [ops.argsArray[k][0] as string] : []));
  const out: Rgba[] = [];
  for (const id of ids) {
    const img = await new Promise<{ width: number; height: number; kind: number; data: Uint8ClampedArray }>((resolve) => page.objs.get(id, resolve));
    const { width, height, kind, data } = img;
    const rgba = new Uint8Array(width * height * 4);
    if (kind === ImageKind.RGBA_32BPP) rgba.set(data);
    else if (kind === ImageKind.RGB_24BPP) for (let i = 0, j = 0; i < width * height; i++, j += 3) rgba.set([data[j], data[j + 1], data[j + 2], 255], 4 * i);
    else throw new Error(`image ${id}: kind ${kind} is not read here`);
    out.push({ width, height, data: rgba });
  }
  return out;
}

/** Page `n` drawn at `scale` (1 = 72 dpi), as PNG bytes. */
export async function pagePng(pdf: PDFDocumentProxy, n: number, scale = 1.5): Promise<Buffer> {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale });
  const factory = (pdf as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { toBuffer(type: 'image/png'): Buffer }; context: CanvasRenderingContext2D } } }).canvasFactory;
  const { canvas, context } = factory.create(viewport.width, viewport.height);
  await page.render({ canvasContext: context, viewport }).promise;
  return canvas.toBuffer('image/png');
}

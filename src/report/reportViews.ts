/** The captured views of the head in the report: the front pair on the first page (unless the
 * client's photos take its place), the others on their own page, two to a row and captioned. A
 * render that is not a PNG or JPEG is left out and its place says so, so one bad capture does not
 * cost the client the whole report. */
import type { Content } from 'pdfmake/interfaces';
import { note, PAGE } from './reportParts';
import { yearsLabel } from './reportFormat';
import type { ReportRender, ReportView } from './reportInput';

export const VIEW_ORDER: readonly ReportView[] = ['front', 'left', 'right', 'top'];
export const VIEW_NAMES: Readonly<Record<ReportView, string>> = { front: 'Front', left: 'Left', right: 'Right', top: 'Top' };
export const NO_VIEWS = 'Views were not available';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const COLUMN_GAP_PT = 15;
export const CELL_WIDTH_PT = (PAGE.contentWidthPt - COLUMN_GAP_PT) / 2;
/** A row of the views page, and a shorter one when there are four rows: all on one page. */
const ROW_HEIGHT_PT = 180;
const FOUR_ROWS_HEIGHT_PT = 140;

/** 'png' for a PNG with a header and a non-zero size, 'jpeg' for a JPEG (start and end markers),
 * null for anything else. */
export function imageType(bytes: Uint8Array): 'png' | 'jpeg' | null {
  if (!(bytes instanceof Uint8Array) || bytes.length < 24) return null;
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return view.getUint32(16) > 0 && view.getUint32(20) > 0 ? 'png' : null;
  }
  const n = bytes.length;
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9 ? 'jpeg' : null;
}

/** A PNG or JPEG as a data URL for pdfmake's image dictionary; null for anything else. */
export function imageDataUrl(bytes: Uint8Array): string | null {
  const type = imageType(bytes);
  return type && `data:image/${type};base64,${base64(bytes)}`;
}

/** Base64 without Node's Buffer, so the builder runs in the browser too. */
export function base64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

/** "Front, healed", "Left, 5 years without a touch-up". */
export const caption = (r: Pick<ReportRender, 'view' | 'years'>) => `${VIEW_NAMES[r.view] ?? r.view}, ${yearsLabel(r.years).toLowerCase()}${r.years >= 1 ? ' without a touch-up' : ''}`;

/** Figures side by side, in half-page columns, kept together on a page. */
export const figureRow = (cells: Content[]): Content => ({ columns: cells.map((c) => ({ width: CELL_WIDTH_PT, stack: [c] })), columnGap: COLUMN_GAP_PT, unbreakable: true });

export interface PlacedViews {
  /** pdfmake's image dictionary: key -> data URL. */
  images: Record<string, string>;
  /** The front pair for the first page (the earliest two front renders); null when the front
   * renders go with the others. */
  cover: Content | null;
  /** Every other render, a row per view, for the views page; null when there is none. */
  others: Content | null;
  /** Whether any render could be shown at all. */
  any: boolean;
}

/** `frontOnCover` false puts the front renders on the views page with the others (the client's
 * photos are on the first page). */
export function placeViews(renders: ReportRender[], { frontOnCover = true }: { frontOnCover?: boolean } = {}): PlacedViews {
  const images: Record<string, string> = {};
  const sorted = renders
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => VIEW_ORDER.includes(r.view))
    .sort((a, b) => VIEW_ORDER.indexOf(a.r.view) - VIEW_ORDER.indexOf(b.r.view) || a.r.years - b.r.years || a.index - b.index);
  const figure = ({ r, index }: { r: ReportRender; index: number }, fit: [number, number]): Content => {
    const label = caption(r);
    const url = imageDataUrl(r.image);
    if (!url) {
      return {
        stack: [
          { text: 'This view is not available', style: 'note', alignment: 'center', margin: [0, fit[1] / 2 - 6, 0, fit[1] / 2 - 6] },
          { text: label, style: 'caption' },
        ],
      };
    }
    const key = `render-${index}`;
    images[key] = url;
    return {
      stack: [
        { image: key, fit, alignment: 'center' },
        { text: label, style: 'caption' },
      ],
    };
  };
  const front = frontOnCover ? sorted.filter(({ r }) => r.view === 'front').slice(0, 2) : [];
  const rest = sorted.filter((s) => !front.includes(s));
  const coverFit: [number, number] = [CELL_WIDTH_PT, 250];
  const cover: Content | null = !frontOnCover ? null : front.length ? figureRow(front.map((f) => figure(f, coverFit))) : note(NO_VIEWS, [0, 6, 0, 10]);

  let others: Content | null = null;
  if (rest.length) {
    const pairs: (typeof rest)[] = [];
    for (const view of VIEW_ORDER) {
      const of = rest.filter(({ r }) => r.view === view);
      for (let k = 0; k < of.length; k += 2) pairs.push(of.slice(k, k + 2));
    }
    const fit: [number, number] = [CELL_WIDTH_PT, pairs.length > 3 ? FOUR_ROWS_HEIGHT_PT : ROW_HEIGHT_PT];
    others = { stack: pairs.map((pair) => figureRow(pair.map((f) => figure(f, fit)))) };
  }
  const any = Object.keys(images).length > 0;
  return { images, cover, others, any };
}

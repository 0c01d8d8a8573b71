/** The client's own photos on the first page, when they agreed to it: the main photo (the front
 * one when there is one) before and after the design, side by side and captioned, the other sides
 * after only in a smaller row, and the consent line with its date under them. A main photo that is
 * not a PNG or JPEG leaves the photos out (the 3D views keep their place), so one bad picture does
 * not cost the client the report; a bad side photo is only left out of its row. */
import type { Column, Content } from 'pdfmake/interfaces';
import { HEALED_YEARS } from '../model';
import { formatDate, yearsLabel } from './reportFormat';
import type { ReportPhotos, ReportPhotoView } from './reportInput';
import { note, PAGE } from './reportParts';
import { CELL_WIDTH_PT, COLUMN_GAP_PT, figureRow, imageDataUrl } from './reportViews';

export const PHOTO_VIEW_NAMES: Readonly<Record<ReportPhotoView, string>> = { front: 'Front', left: 'Left side', right: 'Right side' };

/** The main pair's pictures fit this high (a portrait phone photo: 180 x 240 pt), which leaves the
 * client's details room on the first page. */
const MAIN_HEIGHT_PT = 240;
/** The side photos: three to a row at most, this high, between two empty columns that centre them. */
const SIDE_COLUMNS = 3;
const SIDE_HEIGHT_PT = 96;
const SIDE_WIDTH_PT = (PAGE.contentWidthPt - (SIDE_COLUMNS + 1) * COLUMN_GAP_PT) / SIDE_COLUMNS;

/** What the "after" pictures show: "healed", "fresh, the day of the session", "at 5 years, without a touch-up". */
export function afterLabel(years: number): string {
  if (!(years > 0)) return 'fresh, the day of the session';
  if (years < HEALED_YEARS - 1e-9) return `healing, ${Math.max(1, Math.round(years * 52))} weeks after the session`;
  if (years <= HEALED_YEARS + 1e-9) return 'healed';
  return `at ${yearsLabel(years).toLowerCase()}, without a touch-up`;
}

/** The line printed under the photos. */
export const consentLine = (consentedAt: string) => `The client agreed on ${formatDate(consentedAt)} to their photos being used in this report.`;
/** Said under the consent line: what the "after" pictures are. */
export const PHOTO_NOTE = 'The “after” pictures are the design drawn on the photos by this preview, not a promise of the result.';

export interface PlacedPhotos {
  /** pdfmake's image dictionary: key -> data URL. */
  images: Record<string, string>;
  /** The photos, their captions and the consent line, for the first page. */
  content: Content;
}

/** The first page's photos, or null when the main photo cannot be shown. */
export function placePhotos(photos: ReportPhotos): PlacedPhotos | null {
  const before = imageDataUrl(photos.main.before);
  const after = imageDataUrl(photos.main.after);
  if (!before || !after) return null;
  const images: Record<string, string> = { 'photo-before': before, 'photo-after': after };
  const label = afterLabel(photos.years);
  const figure = (key: string, fit: [number, number], caption: string): Content => ({
    stack: [
      { image: key, fit, alignment: 'center' },
      { text: caption, style: 'caption' },
    ],
  });
  const mainFit: [number, number] = [CELL_WIDTH_PT, MAIN_HEIGHT_PT];
  const content: Content[] = [
    figureRow([figure('photo-before', mainFit, `Before: the ${PHOTO_VIEW_NAMES[photos.main.view].toLowerCase()} photo as taken`), figure('photo-after', mainFit, `After: ${label}`)]),
  ];
  const sides: Column[] = [];
  photos.others.slice(0, SIDE_COLUMNS).forEach((p, k) => {
    const url = imageDataUrl(p.after);
    if (!url) return;
    images[`photo-side-${k}`] = url;
    sides.push({ width: SIDE_WIDTH_PT, stack: [figure(`photo-side-${k}`, [SIDE_WIDTH_PT, SIDE_HEIGHT_PT], `${PHOTO_VIEW_NAMES[p.view]}, after`)] });
  });
  // Centred under the pair: empty columns either side take what the pictures leave.
  if (sides.length) content.push({ columns: [{ width: '*', text: '' }, ...sides, { width: '*', text: '' }], columnGap: COLUMN_GAP_PT, unbreakable: true });
  content.push({ text: consentLine(photos.consentedAt), fontSize: 9, margin: [0, 0, 0, 1] }, note(PHOTO_NOTE, [0, 0, 0, 4]));
  return { images, content: { stack: content, margin: [0, 0, 0, 4] } };
}

/** The client's own photos for the report's first page: only in the consultation, only of the
 * client open in the records, only when the client agreed (state/reportConsent.ts), never with a
 * design opened from a share link (Try at home's, even on a device where a client is open), only
 * photos the head is fitted to. The front photo (the one on screen first) is drawn before and
 * after; one photo of each other side after only. The design is drawn as on screen: at the year
 * shown, leaving the hair marked to keep as it is. */
import type { OrthoFit } from '../model';
import type { ReportPhoto, ReportPhotos, ReportPhotoView } from '../report/reportInput';
import { photoStill } from '../scene/photo/photoStill';
import { fitIsStale, orthoFitOf } from '../state/photoFit';
import { photos as photoActions, usePhotos, type ShownPhoto } from '../state/photos';
import { useRecords } from '../state/records';
import { useReportConsent } from '../state/reportConsent';
import { useAppStore } from '../state/store';

/** The views with a face the head is fitted to, in the order the report takes them. */
const FACE_VIEWS: readonly ReportPhotoView[] = ['front', 'left', 'right'];
/** Long sides of the pictures: sharp in print at the sizes the first page gives them (about
 * 240 pt and 96 pt high), and a PDF of a few hundred kB more. */
export const MAIN_LONG_SIDE_PX = 1200;
export const SIDE_LONG_SIDE_PX = 600;

const isFaceView = (p: ShownPhoto): p is ShownPhoto & { view: ReportPhotoView } => (FACE_VIEWS as readonly string[]).includes(p.view);

/** The photos the report may use for the open client, or null for none. */
function clientPhotos(): { clientId: string; consentedAt: string; list: (ShownPhoto & { view: ReportPhotoView })[] } | null {
  const { client, sharedOnScreen } = useRecords.getState();
  if (useAppStore.getState().mode !== 'consultation' || !client || sharedOnScreen) return null;
  const consentedAt = useReportConsent.getState().given[client.id];
  const st = usePhotos.getState();
  if (!consentedAt || st.clientId !== client.id) return null;
  // By side, then the photo on screen first, then the oldest.
  const rank = (p: ShownPhoto) => FACE_VIEWS.indexOf(p.view as ReportPhotoView) * 2 + (p.id === st.selectedId ? 0 : 1);
  const list = st.photos.filter(isFaceView).sort((a, b) => rank(a) - rank(b) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return { clientId: client.id, consentedAt, list };
}

/** The report's photos, drawn at the year on screen; null when there are none to use. Throws
 * with the reason when the design cannot be drawn on them. */
export async function reportPhotos(onStep: (what: string) => void): Promise<ReportPhotos | null> {
  const before = clientPhotos();
  if (!before?.list.length) return null;
  // A photo not yet shown has not been fitted (or was, to another head): its fit is asked for
  // now, as showing it would.
  const unfitted = (p: ShownPhoto) => !p.fit || fitIsStale(p.fit, useAppStore.getState().head);
  if (before.list.some(unfitted)) {
    onStep('Finding the face on the photos…');
    await Promise.all(before.list.filter(unfitted).map((p) => photoActions.ensureFit(p.id, useAppStore.getState().head)));
  }
  const now = clientPhotos();
  if (!now || now.clientId !== before.clientId) return null;
  const head = useAppStore.getState().head;
  // As the photo view places the head on the photo (ui/PhotoView.tsx); one photo per side.
  const fitted: { photo: ShownPhoto & { view: ReportPhotoView }; fit: OrthoFit }[] = [];
  for (const photo of now.list) {
    const fit = orthoFitOf(photo.fit, head, photo.focal35mm !== undefined);
    if (fit && !fitted.some((f) => f.photo.view === photo.view)) fitted.push({ photo, fit });
  }
  if (!fitted.length) return null;
  onStep('Drawing the design on the photos…');
  const [main, ...others] = fitted;
  const draw = (photo: ShownPhoto, fit: OrthoFit, longSidePx: number) =>
    photoStill(photo.image, fit, longSidePx, { keepMask: photo.keepMask }).catch((e: unknown) => {
      throw new Error(`the design could not be drawn on the client's photo (${e instanceof Error ? e.message : String(e)}). Untick the photos to make it with the 3D views only.`);
    });
  const still = await draw(main.photo, main.fit, MAIN_LONG_SIDE_PX);
  const sides: ReportPhoto[] = [];
  for (const { photo, fit } of others) sides.push({ view: photo.view, after: (await draw(photo, fit, SIDE_LONG_SIDE_PX)).after });
  return { main: { view: main.photo.view, before: still.before, after: still.after }, others: sides, years: still.years, consentedAt: now.consentedAt };
}

/** The client's photo beside the 3D view: the photo chosen (the front one first) and a strip of the
 * others. Its element states what it shows, for tests, scripts and assistive tech: data-status
 * (loading, ready, no-face, error) and the pose fit (data-yaw-deg, data-pitch-deg, data-roll-deg,
 * data-mm-per-px, data-fit-source auto or manual), empty while the photo has no fit. `loading` lasts
 * until the photo is decoded and its fit is known (state/photoFit.ts); then `ready`, or `no-face`
 * when no face was found. While the photo is aligned by hand (PhotoAlign) the fit shown is the
 * handles'. */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { photos, stripOrder, usePhotos } from '../state/photos';
import { PHOTO_VIEW_LABELS, fitNumber, type PhotoFit } from '../storage/photoRecord';
import { orthoFitOf } from '../state/photoFit';
import { useAppStore } from '../state/store';
import { usePhotoAlign } from '../state/photoAlign';
import { FittedPhoto } from './FittedPhoto';
import { PhotoAlign, PhotoAlignBar } from './PhotoAlign';
import { PhotoHeadShape } from './PhotoHeadShape';

export type PhotoViewStatus = 'loading' | 'ready' | 'no-face' | 'error';

/** A figure of the fit as the DOM states it: empty when there is none. */
const figure = (fit: PhotoFit | null | undefined, key: string, digits: number) => {
  const v = fitNumber(fit, key);
  return v === null ? '' : String(Math.round(v * 10 ** digits) / 10 ** digits);
};

/** Whether the photo with this URL has been decoded and drawn, or could not be. */
function useDecoded(img: RefObject<HTMLImageElement | null>, url: string | null): 'loading' | 'ready' | 'error' {
  const [state, setState] = useState<{ url: string | null; status: 'loading' | 'ready' | 'error' }>({ url: null, status: 'loading' });
  useEffect(() => {
    const el = img.current;
    if (!el || !url) return;
    let live = true;
    // decode() decodes off the main thread and resolves once the picture can be drawn at once.
    el.decode().then(
      () => live && setState({ url, status: 'ready' }),
      () => live && setState({ url, status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [img, url]);
  return state.url === url ? state.status : 'loading';
}

/** `large`: the view takes most of the stage on a desktop (`onLarge` asks for it or back). */
export function PhotoView({ large, onLarge }: { large: boolean; onLarge: (large: boolean) => void }) {
  const list = usePhotos((s) => s.photos);
  const selectedId = usePhotos((s) => s.selectedId);
  const loading = usePhotos((s) => s.loading || s.pending > 0);
  const fitState = usePhotos((s) => (s.selectedId ? s.fits[s.selectedId] : undefined));
  const photo = list.find((p) => p.id === selectedId) ?? null;
  const img = useRef<HTMLImageElement>(null);
  const decoded = useDecoded(img, photo?.url ?? null);
  const head = useAppStore((s) => s.head);
  const live = usePhotoAlign((s) => (s.photoId && s.photoId === photo?.id ? s.fit : null));
  const aligning = usePhotoAlign((s) => s.photoId !== null && s.photoId === photo?.id);
  const fit = live ?? photo?.fit;
  const lensKnown = photo?.focal35mm !== undefined;
  const design = useMemo(() => orthoFitOf(fit, head, lensKnown), [fit, head, lensKnown]);
  const fitting = fitState === 'fitting' || (fitState === undefined && !photo?.fit);
  const status: PhotoViewStatus = !photo ? (loading ? 'loading' : 'error') : decoded !== 'ready' ? decoded : fitting ? 'loading' : fitState === 'no-face' ? 'no-face' : 'ready';

  useEffect(() => {
    if (photo && decoded === 'ready') void photos.ensureFit(photo.id, head);
  }, [photo, decoded, head]);

  const label = photo ? PHOTO_VIEW_LABELS[photo.view] : '';
  const strip = stripOrder(list);
  return (
    <section
      className="photo-view"
      data-testid="photo-view"
      data-status={status}
      data-photo-id={photo?.id ?? ''}
      data-view={photo?.view ?? ''}
      data-width-px={photo?.widthPx ?? ''}
      data-height-px={photo?.heightPx ?? ''}
      data-yaw-deg={figure(fit, 'yawDeg', 1)}
      data-pitch-deg={figure(fit, 'pitchDeg', 1)}
      data-roll-deg={figure(fit, 'rollDeg', 1)}
      data-mm-per-px={figure(fit, 'mmPerPx', 4)}
      data-fit-source={fit ? (fit.source === 'manual' ? 'manual' : 'auto') : ''}
      aria-label="The client's photo"
      aria-busy={status === 'loading'}
    >
      <div className="photo-main">
        {photo && (
          <img
            ref={img}
            key={photo.id}
            src={photo.url}
            width={photo.widthPx}
            height={photo.heightPx}
            alt={`${label} photo of the client`}
            decoding="async"
            hidden={decoded === 'ready' && design !== null}
          />
        )}
        {/* Fitted: the photo with the design drawn on its scalp, in step with the 3D view, and its tools. */}
        {photo && decoded === 'ready' && design && img.current && <FittedPhoto key={`design-${photo.id}`} photo={photo} image={img.current} fit={design} />}
        {status === 'loading' && (
          <div className="viewer-note" aria-hidden="true">
            <span className="spinner" /> {!photo ? 'Checking the photo…' : decoded === 'ready' ? 'Finding the face…' : 'Opening the photo…'}
          </div>
        )}
        {status === 'error' && (
          <p className="viewer-note" role="alert">
            {photo ? 'This photo could not be shown. Delete it and add it again.' : 'No photo to show.'}
          </p>
        )}
        {status === 'ready' && fitState === 'failed' && (
          <p className="viewer-note" role="alert">
            The face could not be read from this photo.
          </p>
        )}
        {status === 'no-face' && !aligning && (
          <p className="viewer-note" role="status">
            No face was found on this photo: align it by hand.
          </p>
        )}
        {photo && <PhotoAlign photo={photo} offer={status === 'ready' || status === 'no-face'} />}
        {photo && !aligning && (
          <button type="button" className="secondary photo-size" aria-pressed={large} onClick={() => onLarge(!large)} data-testid="photo-larger">
            {large ? 'Side by side' : 'Larger photo'}
          </button>
        )}
      </div>
      {photo && <PhotoAlignBar photoId={photo.id} />}
      {photo && status === 'ready' && !aligning && <PhotoHeadShape photo={photo} />}
      {/* While the photo is aligned the picture takes the strip's room too (another photo would end it). */}
      {strip.length > 1 && !aligning && (
        <ul className="photo-strip" aria-label="The client's other photos" data-testid="photo-strip">
          {strip.map((p) => (
            <li key={p.id}>
              <button type="button" aria-pressed={p.id === selectedId} onClick={() => photos.select(p.id)} data-testid="photo-thumb">
                <img src={p.thumbUrl} width={p.thumbWidthPx} height={p.thumbHeightPx} alt="" />
                <span>{PHOTO_VIEW_LABELS[p.view]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

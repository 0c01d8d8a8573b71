/** Aligning the client's photo by hand, in the photo view: an "Align by hand" button over the
 * picture, then a handle for each point of the view (state/photoAlign.ts says which), dragged with
 * a mouse or a finger or moved with the arrow keys, and under the picture Done, Cancel and Reset.
 * The handles lie over the picture shown (the photo, or the photo with the design once there is a
 * fit), wherever the view lays it out. */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { ALIGN_POINT_LABELS as SHORT, ALIGN_POINTS, ALIGN_POINT_NAMES, type AlignPoint } from '../model';
import { photoAlign, usePhotoAlign } from '../state/photoAlign';
import type { ShownPhoto } from '../state/photos';
import { useAppStore } from '../state/store';

/** Over the picture: the offer (`offer`: the photo is shown and settled: fitted, with no face
 * found, or never to be), or the handles while this photo is aligned. */
export function PhotoAlign({ photo, offer }: { photo: ShownPhoto; offer: boolean }) {
  const aligning = usePhotoAlign((s) => s.photoId === photo.id);
  const head = useAppStore((s) => s.head);
  if (aligning) return <AlignHandles />;
  if (!offer) return null;
  const faceless = !photo.fit && (photo.view === 'back' || photo.view === 'top');
  return (
    <>
      <button type="button" className="secondary photo-align-start" disabled={!head} onClick={() => head && photoAlign.start(photo, head)} data-testid="align-start">
        Align by hand
      </button>
      {faceless && (
        <p className="viewer-note" role="status">
          A {photo.view} photo has no face to find: align it by hand.
        </p>
      )}
    </>
  );
}

/** Under the picture while it is aligned: what to do, why the handles give no fit, and the way out. */
export function PhotoAlignBar({ photoId }: { photoId: string }) {
  const st = usePhotoAlign();
  if (st.photoId !== photoId) return null;
  const points = ALIGN_POINTS[st.view];
  return (
    <div className="photo-align-bar" role="group" aria-label="Align the photo by hand" data-testid="photo-align" data-state={st.message ? 'refused' : st.fit ? 'fitted' : 'waiting'}>
      {/* One place for the hint and the refusal: the picture above does not move as they change. */}
      <p className="photo-align-text" role="status" data-testid="align-message" data-refused={st.message ? 'true' : 'false'}>
        {st.message ?? `Drag each handle onto its point: ${points.map((p) => SHORT[p]).join(', ')}.`}
      </p>
      <button type="button" className="primary" disabled={!st.fit || !!st.message || st.saving} onClick={() => void photoAlign.done()} data-testid="align-done">
        Done
      </button>
      <button type="button" className="secondary" onClick={photoAlign.cancel} data-testid="align-cancel">
        Cancel
      </button>
      <button type="button" className="secondary" onClick={photoAlign.reset} data-testid="align-reset">
        {st.found ? 'Reset to the found fit' : 'Reset'}
      </button>
    </div>
  );
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where the picture lies in the photo view's main area, CSS pixels, kept up to date. */
function usePictureBox(anchor: RefObject<HTMLElement | null>): Box | null {
  const [box, setBox] = useState<Box | null>(null);
  useLayoutEffect(() => {
    const main = anchor.current?.closest('.photo-main');
    if (!main) return;
    let picture: Element | null = null;
    const measure = () => {
      const pic = main.querySelector('[data-testid="photo-design"] canvas') ?? main.querySelector('img:not([hidden])');
      if (pic !== picture) {
        if (picture) resize.unobserve(picture);
        if (pic) resize.observe(pic);
        picture = pic;
      }
      if (!pic) return setBox(null);
      const m = main.getBoundingClientRect();
      const p = pic.getBoundingClientRect();
      const next = { left: p.left - m.left, top: p.top - m.top, width: p.width, height: p.height };
      setBox((b) => (b && b.left === next.left && b.top === next.top && b.width === next.width && b.height === next.height ? b : next));
    };
    const resize = new ResizeObserver(measure);
    resize.observe(main);
    // The picture changes as the design comes and goes; the handles' own moves are no change.
    const mutation = new MutationObserver((records) => records.some((r) => !anchor.current?.contains(r.target)) && measure());
    mutation.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'style'] });
    measure();
    return () => {
      resize.disconnect();
      mutation.disconnect();
    };
  }, [anchor]);
  return box;
}

function AlignHandles() {
  const st = usePhotoAlign();
  const layer = useRef<HTMLDivElement>(null);
  const box = usePictureBox(layer);
  const grab = useRef<{ id: number; dx: number; dy: number } | null>(null);
  const points = ALIGN_POINTS[st.view];
  /** Photo pixels per CSS pixel. */
  const scale = box ? st.widthPx / box.width : 1;

  const toPhoto = (e: PointerEvent): [number, number] => {
    const r = layer.current!.getBoundingClientRect();
    const g = grab.current!;
    return [((e.clientX - g.dx - r.left) / r.width) * st.widthPx, ((e.clientY - g.dy - r.top) / r.height) * st.heightPx];
  };
  const handlers = (p: AlignPoint) => ({
    onPointerDown: (e: PointerEvent<HTMLButtonElement>) => {
      const c = e.currentTarget.getBoundingClientRect();
      // Held where it was taken: the point does not jump under the finger.
      grab.current = { id: e.pointerId, dx: e.clientX - (c.left + c.width / 2), dy: e.clientY - (c.top + c.height / 2) };
      e.currentTarget.setPointerCapture(e.pointerId);
      e.currentTarget.focus();
    },
    onPointerMove: (e: PointerEvent<HTMLButtonElement>) => grab.current?.id === e.pointerId && photoAlign.move(p, toPhoto(e)),
    onPointerUp: (e: PointerEvent<HTMLButtonElement>) => {
      if (grab.current?.id !== e.pointerId) return;
      photoAlign.move(p, toPhoto(e));
      grab.current = null;
    },
    onPointerCancel: () => void (grab.current = null),
    onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => {
      const step = (e.shiftKey ? 10 : 1) * scale;
      const d = ({ ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] } as Record<string, [number, number]>)[e.key];
      if (!d) return;
      e.preventDefault();
      photoAlign.nudge(p, d[0], d[1]);
    },
  });

  const middleX = points.reduce((sum, p) => sum + (st.handles[p]?.[0] ?? 0), 0) / points.length;
  return (
    <div ref={layer} className="photo-align-layer" style={box ?? { display: 'none' }}>
      {points.map((p) => {
        const [x, y] = st.handles[p] ?? [0, 0];
        return (
          <button
            key={p}
            type="button"
            className="align-handle"
            aria-label={`${SHORT[p]}: ${ALIGN_POINT_NAMES[p]}. Drag, or move with the arrow keys`}
            data-testid="align-handle"
            data-point={p}
            data-x-px={x.toFixed(1)}
            data-y-px={y.toFixed(1)}
            style={{ left: `${(100 * x) / st.widthPx}%`, top: `${(100 * y) / st.heightPx}%` }}
            {...handlers(p)}
          >
            <span className="align-handle-dot" aria-hidden="true" />
            <span className="align-handle-label" aria-hidden="true" data-side={x < middleX - 0.02 * st.widthPx ? 'left' : 'right'}>
              {SHORT[p]}
            </span>
          </button>
        );
      })}
    </div>
  );
}

/** A fitted photo with the design on its scalp (scene/photo/PhotoDesign.tsx) and what works on it
 * as on the 3D view: the before/after divider to drag, the hairline's handles while it is edited
 * (PhotoHairline.tsx), and a brush that marks the client's own hair to keep (the design is not
 * drawn there). The marks are kept with the photo (photos.setKeepMask)
 * and come back when it opens again; each stroke can be undone. Its element states what it shows:
 * data-keep-mask (none, marked) and data-keep-saved (saved, saving, failed). */
import { useEffect, useRef, useState } from 'react';
import type { OrthoFit } from '../model';
import { PhotoDesign, type KeepBrush } from '../scene/photo/PhotoDesign';
import { photos, type ShownPhoto } from '../state/photos';
import { PhotoHairline } from './PhotoHairline';
import { CompareDivider } from './Timeline';

/** Brush radius as a share of the photo's shorter side, in per cent: its range and first value. */
const BRUSH_PCT = { min: 1, max: 8, step: 0.5, first: 3 };
/** Strokes that can be undone, one after another (each a small PNG). */
const MAX_UNDO = 30;

type Mask = HTMLCanvasElement | ImageBitmap;
type Saved = 'saved' | 'saving' | 'failed';

export function FittedPhoto({ photo, image, fit }: { photo: ShownPhoto; image: HTMLImageElement; fit: OrthoFit }) {
  const [brush, setBrush] = useState<KeepBrush['mode'] | null>(null);
  const [sizePct, setSizePct] = useState(BRUSH_PCT.first);
  const [mask, setMask] = useState<Mask | null>(null);
  // The marks kept with the photo are read once, as it opens (the component is keyed by photo).
  const [opening, setOpening] = useState(photo.keepMask !== undefined);
  const [saved, setSaved] = useState<Saved>('saved');
  /** The marks after each stroke (null: none), the last being those shown. */
  const states = useRef<(Blob | null)[]>([photo.keepMask ?? null]);
  const [undoable, setUndoable] = useState(0);
  const lastSave = useRef(0);

  useEffect(() => {
    const kept = states.current[0];
    if (!kept) return;
    let live = true;
    createImageBitmap(kept).then(
      (bitmap) => {
        if (!live) return bitmap.close();
        setMask(bitmap);
        setOpening(false);
      },
      () => {
        // Unreadable marks are not shown; painting starts afresh.
        if (!live) return;
        setSaved('failed');
        setOpening(false);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  /** Keeps `marks` with the photo; the view says once the latest is written. */
  const keep = (marks: Blob | null) => {
    const n = ++lastSave.current;
    setSaved('saving');
    void photos.setKeepMask(photo.id, marks).then((ok) => n === lastSave.current && setSaved(ok ? 'saved' : 'failed'));
  };

  /** A new state of the marks: shown, kept, and one more step to undo. */
  const record = (marks: Blob | null) => {
    states.current = [...states.current, marks].slice(-(MAX_UNDO + 1));
    setUndoable(states.current.length - 1);
    keep(marks);
  };

  // Strokes end in order; each is encoded as it ended (toBlob copies the canvas at once), and
  // recorded in that order.
  const encoding = useRef<Promise<void>>(Promise.resolve());
  const stroked = (painted: HTMLCanvasElement) => {
    setMask(painted);
    const png = new Promise<Blob | null>((resolve) => painted.toBlob(resolve, 'image/png'));
    encoding.current = encoding.current.then(async () => {
      const blob = await png;
      if (blob) record(blob);
      else setSaved('failed');
    });
  };

  const undo = () => {
    encoding.current = encoding.current.then(async () => {
      if (states.current.length < 2) return;
      states.current = states.current.slice(0, -1);
      setUndoable(states.current.length - 1);
      const marks = states.current[states.current.length - 1];
      setMask(marks ? await createImageBitmap(marks) : null);
      keep(marks);
    });
  };

  const clear = () => {
    encoding.current = encoding.current.then(() => {
      setMask(null);
      record(null);
    });
  };

  const radiusPx = Math.max(2, (sizePct / 100) * Math.min(photo.widthPx, photo.heightPx));
  const toggle = (mode: KeepBrush['mode']) => setBrush(brush === mode ? null : mode);
  return (
    <div className="fitted-photo" data-testid="fitted-photo" data-keep-mask={mask ? 'marked' : 'none'} data-keep-saved={saved} data-brush={brush ?? 'off'}>
      <div className="keep-tools" role="toolbar" aria-label="Mark the client's own hair to keep">
        <button
          type="button"
          aria-pressed={brush === 'keep'}
          disabled={opening}
          onClick={() => toggle('keep')}
          data-testid="keep-hair-brush"
          title="Paint over the client's own hair: the design is not drawn there"
        >
          Keep hair
        </button>
        <button type="button" aria-pressed={brush === 'erase'} disabled={opening} onClick={() => toggle('erase')} data-testid="keep-hair-erase" title="Paint to take marks away">
          Erase
        </button>
        <label className="keep-size">
          <span>Size</span>
          <input
            type="range"
            min={BRUSH_PCT.min}
            max={BRUSH_PCT.max}
            step={BRUSH_PCT.step}
            value={sizePct}
            onChange={(e) => setSizePct(Number(e.target.value))}
            aria-label="Brush size"
            aria-valuetext={`${sizePct} % of the photo's shorter side`}
            data-testid="keep-hair-size"
          />
        </label>
        <button type="button" disabled={undoable === 0} onClick={undo} data-testid="keep-hair-undo" aria-label="Undo the last stroke">
          Undo
        </button>
        <button type="button" disabled={!mask} onClick={clear} data-testid="keep-hair-clear" aria-label="Clear the marked hair">
          Clear
        </button>
      </div>
      <PhotoDesign
        photo={image}
        fit={fit}
        keepMask={mask}
        onKeepMaskChange={stroked}
        brush={brush ? { mode: brush, radiusPx } : null}
        overlay={
          <>
            <CompareDivider />
            <PhotoHairline fit={fit} widthPx={photo.widthPx} heightPx={photo.heightPx} />
          </>
        }
      />
    </div>
  );
}

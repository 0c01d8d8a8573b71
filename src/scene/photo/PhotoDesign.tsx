import { useEffect, useLayoutEffect, useRef, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { keepMaskSizePx, labToHex, type OrthoFit } from '../../model';
import { useAppStore } from '../../state/store';
import { MAX_PHOTO_SIDE, PhotoView, type PhotoReport } from './photoView';

export type PhotoSource = ImageBitmap | HTMLImageElement | HTMLCanvasElement;

export interface KeepBrush {
  /** 'keep' marks the client's own hair (the design is not drawn there); 'erase' unmarks it. */
  mode: 'keep' | 'erase';
  /** Brush radius in the photo's pixels. */
  radiusPx: number;
}

export interface PhotoDesignProps {
  photo: PhotoSource;
  fit: OrthoFit;
  /** The hair to keep: white where kept, black elsewhere, any size (stretched over the photo). */
  keepMask?: HTMLCanvasElement | ImageBitmap | HTMLImageElement | null;
  /** After each brush stroke: the mask as painted (a small canvas, of model keepMaskSizePx). */
  onKeepMaskChange?: (mask: HTMLCanvasElement) => void;
  /** While set, pressing on the photo paints the mask instead of doing nothing. */
  brush?: KeepBrush | null;
  /** Drawn over the photo, in the photo's own box (a divider to drag, handles); without it, the
   * before/after divider is a plain line. */
  overlay?: ReactNode;
}

const sizeOf = (p: PhotoSource) => (p instanceof HTMLImageElement ? { w: p.naturalWidth, h: p.naturalHeight } : { w: p.width, h: p.height });

/** The client's photo with the design drawn on its scalp (render/photo/photoRenderer.ts), in step
 * with the 3D view: the year, sessions shown or hidden and the before/after divider. Its element
 * states what it shows, for tests and scripts: data-status (loading, drawing, ready, error),
 * data-render-count, data-years, data-skin-lab (the skin sampled from the photo), data-scalp-box. */
export function PhotoDesign({ photo, fit, keepMask = null, onKeepMaskChange, brush = null, overlay }: PhotoDesignProps) {
  const root = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<PhotoView | null>(null);
  const mask = useRef<HTMLCanvasElement | null>(null);
  const painting = useRef(false);
  const fitRef = useRef(fit);
  fitRef.current = fit;
  const compare = useAppStore((s) => s.compare);

  // A new photo: onto the canvas (at most MAX_PHOTO_SIDE), and a view of it.
  useLayoutEffect(() => {
    const c = canvas.current!;
    const { w, h } = sizeOf(photo);
    const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(w, h, 1));
    c.width = Math.max(1, Math.round(w * scale));
    c.height = Math.max(1, Math.round(h * scale));
    const source = document.createElement('canvas');
    source.width = c.width;
    source.height = c.height;
    source.getContext('2d')!.drawImage(photo, 0, 0, c.width, c.height);
    c.getContext('2d')!.drawImage(source, 0, 0);
    mask.current = null;
    const v = new PhotoView(c, source, fitRef.current, (r) => report(root.current, r));
    view.current = v;
    return () => {
      v.dispose();
      view.current = null;
    };
  }, [photo]);

  useEffect(() => view.current?.setFit(fit), [fit]);

  // A mask from outside replaces the one painted here; one taken away clears it.
  const lastKeepMask = useRef<PhotoDesignProps['keepMask']>(null);
  useEffect(() => {
    const c = canvas.current!;
    const previous = lastKeepMask.current;
    lastKeepMask.current = keepMask;
    if (!keepMask) {
      if (previous || !mask.current) {
        mask.current = null;
        view.current?.setKeepMask(null);
      }
      return;
    }
    if (keepMask === mask.current) return;
    const m = newMask(c.width, c.height);
    m.getContext('2d')!.drawImage(keepMask, 0, 0, m.width, m.height);
    mask.current = m;
    view.current?.setKeepMask(m);
  }, [keepMask, photo]);

  // The photo as large as its place allows, at its own proportions (the divider and the brush
  // then map linearly onto its pixels).
  useLayoutEffect(() => {
    const r = root.current!,
      f = frame.current!,
      c = canvas.current!;
    const fitIn = () => {
      const scale = Math.min(r.clientWidth / c.width, r.clientHeight / c.height);
      f.style.width = `${Math.floor(c.width * scale)}px`;
      f.style.height = `${Math.floor(c.height * scale)}px`;
    };
    fitIn();
    const observer = new ResizeObserver(fitIn);
    observer.observe(r);
    return () => observer.disconnect();
  }, [photo]);

  // A dab where the press is, then a round-ended band to each point the pointer moves to, so that
  // a quick stroke leaves no gaps between its events.
  const last = useRef<[number, number] | null>(null);
  const paint = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const c = canvas.current!;
    if (!brush || !view.current) return;
    mask.current ??= newMask(c.width, c.height);
    const m = mask.current;
    const rect = c.getBoundingClientRect();
    const sx = m.width / rect.width,
      sy = m.height / rect.height;
    const at: [number, number] = [(e.clientX - rect.left) * sx, (e.clientY - rect.top) * sy];
    const from = last.current ?? at;
    last.current = at;
    const ctx = m.getContext('2d')!;
    const colour = brush.mode === 'keep' ? '#fff' : '#000';
    // The mask has the photo's proportions: one radius in mask pixels does for both axes.
    const radius = (brush.radiusPx * m.width) / c.width;
    ctx.fillStyle = ctx.strokeStyle = colour;
    ctx.lineCap = 'round';
    ctx.lineWidth = 2 * radius;
    ctx.beginPath();
    ctx.moveTo(from[0], from[1]);
    ctx.lineTo(at[0], at[1]);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(at[0], at[1], radius, 0, 2 * Math.PI);
    ctx.fill();
    view.current.setKeepMask(m);
  };

  // A stroke cut short (pointercancel) is kept as far as it went.
  const endStroke = () => {
    if (!painting.current) return;
    painting.current = false;
    if (mask.current) onKeepMaskChange?.(mask.current);
  };

  return (
    <div ref={root} className="photo-design" data-testid="photo-design" data-status="loading" data-render-count="0">
      <div ref={frame} className="photo-design-frame">
        <canvas
          ref={canvas}
          className={brush ? 'photo-design-brush' : undefined}
          aria-label="The client's photo with the design drawn on the scalp"
          onPointerDown={(e) => {
            if (!brush) return;
            painting.current = true;
            last.current = null;
            e.currentTarget.setPointerCapture(e.pointerId);
            paint(e);
          }}
          onPointerMove={(e) => painting.current && paint(e)}
          onPointerUp={endStroke}
          onPointerCancel={endStroke}
        />
        {overlay ?? (compare.on && <div className="photo-design-divider" aria-hidden="true" style={{ left: `${compare.split * 100}%` }} />)}
      </div>
    </div>
  );
}

function newMask(widthPx: number, heightPx: number): HTMLCanvasElement {
  const size = keepMaskSizePx(widthPx, heightPx);
  const m = document.createElement('canvas');
  m.width = size.widthPx;
  m.height = size.heightPx;
  const ctx = m.getContext('2d')!;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, m.width, m.height);
  return m;
}

/** The view's state onto the element, straight into the DOM (no React render per frame). */
function report(el: HTMLElement | null, r: PhotoReport): void {
  if (!el) return;
  const set = (name: string, value: string | null) => (value === null ? el.removeAttribute(name) : el.setAttribute(name, value));
  set('data-status', r.status);
  set('data-render-count', String(r.renderCount));
  set('data-years', r.years === null ? null : String(r.years));
  set('data-frame-ms', r.frameMs === null ? null : r.frameMs.toFixed(1));
  set('data-skin-lab', r.skin ? `${r.skin.L},${r.skin.a},${r.skin.b}` : null);
  set('data-skin-hex', r.skin ? labToHex(r.skin) : null);
  set('data-skin-source', r.skinSource);
  set('data-scalp-box', r.box ? `${r.box.x},${r.box.y},${r.box.w},${r.box.h}` : null);
  set('data-message', r.message);
}

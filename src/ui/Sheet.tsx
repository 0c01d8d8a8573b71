/** The panel. On a desktop it is the column beside the head; on a phone it is a bottom sheet that
 * rests at one of three heights and is dragged between them by its grip (or moved with the
 * arrow keys): peek (its title only), half (the view keeps most of the screen) and full.
 *
 * While a finger drags, only the sheet's own height follows it, over the view; the view is
 * resized once, when the sheet comes to rest, since every resize redraws the head. */
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

export const SNAPS = ['peek', 'half', 'full'] as const;
export type Snap = (typeof SNAPS)[number];

const SNAP_NAMES: Record<Snap, string> = { peek: 'title only', half: 'half', full: 'full' };
/** A press that moves less than this is a tap on the grip, not a drag. */
const TAP_SLOP_PX = 6;
/** A release carries on this long at the finger's speed: a flick goes further than a slow let-go. */
const FLICK_CARRY_MS = 150;
/** The finger's speed at release is taken over its last moves within this time. */
const SPEED_WINDOW_MS = 100;

/** The heights the sheet rests at, as the stylesheet sets them for this screen. */
function snapHeights(el: HTMLElement): Record<Snap, number> {
  const style = getComputedStyle(el);
  const px = (name: string) => parseFloat(style.getPropertyValue(name)) || 0;
  return { peek: px('--sheet-peek-px'), half: px('--sheet-half-px'), full: px('--sheet-full-px') };
}

/** The snap nearest to where the sheet would come to rest, carried on by the finger's speed. */
export function snapFor(heightPx: number, velocityPxPerMs: number, heights: Record<Snap, number>): Snap {
  const rest = heightPx + velocityPxPerMs * FLICK_CARRY_MS;
  return SNAPS.reduce((best, s) => (Math.abs(heights[s] - rest) < Math.abs(heights[best] - rest) ? s : best));
}

interface Props {
  title: string;
  /** Above the scrolling body: messages that must not scroll away. */
  alert: ReactNode;
  children: ReactNode;
}

export function Sheet({ title, alert, children }: Props) {
  const [snap, setSnap] = useState<Snap>('half');
  const [dragPx, setDragPx] = useState<number | null>(null);
  const ref = useRef<HTMLElement>(null);
  const drag = useRef<{ id: number; y0: number; h0: number; moves: { y: number; t: number }[]; moved: boolean } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || !ref.current || (e.target as HTMLElement).closest('button:not(.sheet-grip)')) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { id: e.pointerId, y0: e.clientY, h0: ref.current.getBoundingClientRect().height, moves: [{ y: e.clientY, t: e.timeStamp }], moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId || !ref.current) return;
    if (!d.moved && Math.abs(e.clientY - d.y0) < TAP_SLOP_PX) return;
    d.moved = true;
    d.moves.push({ y: e.clientY, t: e.timeStamp });
    while (d.moves.length > 2 && e.timeStamp - d.moves[0].t > SPEED_WINDOW_MS) d.moves.shift();
    const h = snapHeights(ref.current);
    setDragPx(Math.min(h.full, Math.max(h.peek, d.h0 + d.y0 - e.clientY)));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId || !ref.current) return;
    drag.current = null;
    setDragPx(null);
    if (!d.moved) return; // a tap: the grip's click handles it
    const first = d.moves[0];
    // Upward is positive (the sheet grows); a few ms apart would make any jitter a flick.
    const speed = (first.y - e.clientY) / Math.max(SPEED_WINDOW_MS / 2, e.timeStamp - first.t);
    setSnap(snapFor(d.h0 + d.y0 - e.clientY, speed, snapHeights(ref.current)));
  };
  const step = (by: number) => setSnap((s) => SNAPS[Math.min(SNAPS.length - 1, Math.max(0, SNAPS.indexOf(s) + by))]);
  const onKeyDown = (e: KeyboardEvent) => {
    const by: Record<string, number> = { ArrowUp: 1, ArrowDown: -1, PageUp: 1, PageDown: -1 };
    if (!(e.key in by)) return;
    e.preventDefault();
    step(by[e.key]);
  };

  return (
    <aside
      ref={ref}
      className="sheet"
      data-testid="sheet"
      data-snap={snap}
      data-dragging={dragPx !== null || undefined}
      style={dragPx !== null ? { height: `${dragPx}px` } : undefined}
      aria-label={`${title} panel`}
    >
      <div className="sheet-head" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}>
        <button
          type="button"
          className="sheet-grip"
          data-testid="sheet-grip"
          aria-label={`Panel height: ${SNAP_NAMES[snap]}. Drag, or use the arrow keys, to change it.`}
          aria-controls="sheet-body"
          onClick={() => setSnap((s) => (s === 'peek' ? 'half' : s === 'half' ? 'full' : 'half'))}
          onKeyDown={onKeyDown}
        />
        <h2>{title}</h2>
        <button
          type="button"
          className="sheet-toggle"
          data-testid="sheet-toggle"
          aria-expanded={snap !== 'peek'}
          aria-controls="sheet-body"
          onClick={() => setSnap((s) => (s === 'peek' ? 'half' : 'peek'))}
        >
          {snap === 'peek' ? 'Show' : 'Hide'}
          <span className="visually-hidden"> the panel</span>
        </button>
      </div>
      {alert}
      <div id="sheet-body" className="sheet-body">
        {children}
      </div>
    </aside>
  );
}

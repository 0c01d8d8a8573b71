/** The designed hairline on a fitted photo, while the hairline is being edited (tool 'hairline'),
 * as on the 3D head: its line and its handles where the photo shows them (model hairlineOnPhoto).
 * A handle dragged on the photo (mouse, touch, pen) or moved with the arrow keys moves the
 * hairline point on the scalp its pixel shows, through the store's setHairline: one undo step per
 * drag or key press. Drawn over the photo in its own box (PhotoDesign's overlay); its element
 * states what it shows: data-handles-shown, and each handle its data-handle, data-x-px, data-y-px. */
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { hairlineOnPhoto, moveHandleOnPhoto, type Hairline, type OrthoFit, type PhotoHairlineHandle } from '../model';
import { useAppStore } from '../state/store';

/** Photo pixels a handle moves per arrow key press (with Shift, five times as far). */
const KEY_STEP_PX = 2;

const NAMES: Record<PhotoHairlineHandle['id'], string> = {
  mid: 'Mid-frontal point',
  frontotemporalLeft: 'Left frontotemporal point',
  frontotemporalRight: 'Right frontotemporal point',
  templeLeft: 'Left temple peak',
  templeRight: 'Right temple peak',
  templeEndLeft: 'Left temple end',
  templeEndRight: 'Right temple end',
};

export function PhotoHairline({ fit, widthPx, heightPx }: { fit: OrthoFit; widthPx: number; heightPx: number }) {
  const editing = useAppStore((s) => s.tool === 'hairline');
  const head = useAppStore((s) => s.head);
  const hairline = useAppStore((s) => s.design.hairline);
  const seed = useAppStore((s) => s.design.seed);
  const [draft, setDraft] = useState<Hairline | null>(null);
  const shown = draft ?? hairline;
  const drawn = useMemo(() => (editing && head ? hairlineOnPhoto(head, shown, seed, fit) : null), [editing, head, shown, seed, fit]);
  const box = useRef<HTMLDivElement>(null);
  if (!drawn || !head) return null;

  /** The hairline with `id` moved to photo pixel (x, y), from `from`; what to tell once done. */
  const moved = (from: Hairline, id: PhotoHairlineHandle['id'], xPx: number, yPx: number) => moveHandleOnPhoto(head, from, id, fit, xPx, yPx);
  const commit = (start: Hairline, current: Hairline, warning: string | null) => {
    const { actions } = useAppStore.getState();
    if (current !== start) actions.setHairline(current);
    if (warning) actions.showError(warning, 'hairline-handle');
  };

  // A drag follows the pointer over the photo; the design is redrawn once it ends.
  const startDrag = (h: PhotoHairlineHandle, e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const start = useAppStore.getState().design.hairline;
    let current = start;
    let warning: string | null = null;
    const el = e.currentTarget;
    const move = (ev: globalThis.PointerEvent) => {
      const rect = box.current!.getBoundingClientRect();
      const r = moved(start, h.id, ((ev.clientX - rect.left) / rect.width) * widthPx, ((ev.clientY - rect.top) / rect.height) * heightPx);
      warning = r.warning;
      if (!r.hairline) return;
      current = r.hairline;
      setDraft(current);
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      setDraft(null);
      commit(start, current, warning);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };

  const onKey = (h: PhotoHairlineHandle, e: KeyboardEvent<HTMLElement>) => {
    const step = KEY_STEP_PX * (e.shiftKey ? 5 : 1);
    const [dx, dy] = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key] ?? [0, 0];
    if (!dx && !dy) return;
    e.preventDefault();
    const start = useAppStore.getState().design.hairline;
    const r = moved(start, h.id, h.xPx + dx, h.yPx + dy);
    commit(start, r.hairline ?? start, r.warning);
  };

  const shownHandles = drawn.handles.filter((h) => h.shows);
  return (
    <div ref={box} className="photo-hairline" data-testid="photo-hairline" data-handles-shown={shownHandles.length} data-dragging={draft ? 'true' : 'false'}>
      <svg viewBox={`0 0 ${widthPx} ${heightPx}`} preserveAspectRatio="none" aria-hidden="true">
        {drawn.runs.map((run, k) => (
          <polyline key={k} points={run.map((v) => v.toFixed(1)).join(' ')} />
        ))}
      </svg>
      {shownHandles.map((h) => {
        const place = { left: `${(h.xPx / widthPx) * 100}%`, top: `${(h.yPx / heightPx) * 100}%` };
        const data = { 'data-testid': 'photo-hairline-handle', 'data-handle': h.id, 'data-x-px': h.xPx.toFixed(1), 'data-y-px': h.yPx.toFixed(1) };
        return h.fixed ? (
          <span key={h.id} className="photo-hairline-handle fixed" style={place} title={`${NAMES[h.id]} (stays put)`} {...data} />
        ) : (
          <button
            key={h.id}
            type="button"
            className="photo-hairline-handle"
            style={place}
            aria-label={`${NAMES[h.id]} of the hairline: drag, or use the arrow keys, to move it`}
            onPointerDown={(e) => startDrag(h, e)}
            onKeyDown={(e) => onKey(h, e)}
            {...data}
          />
        );
      })}
    </div>
  );
}

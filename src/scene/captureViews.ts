/** Pictures of the design from several sides and years, for the report and for comparing
 * designs: each is the view drawn once more at the chosen width (snapshot.ts), with the tools,
 * guides and before/after divider out of the picture, and the screen put back afterwards. */
import { Vector3 } from 'three';
import type { Design } from '../model';
import { useAppStore, type CameraPreset } from '../state/store';
import { useDotsDrawn, useLookDrawn } from './dotsView';
import { snapshotPng } from './snapshot';
import { sceneState } from './sceneState';

export interface Shot<V extends CameraPreset = CameraPreset> {
  view: V;
  years: number;
  /** Raises the camera this far above the preset, round the point looked at (degrees). */
  elevationDeg?: number;
}

export type CapturedShot<V extends CameraPreset = CameraPreset> = Shot<V> & { image: Uint8Array };

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Resolves once the head, the dots and the client's scalp of the current design are on screen;
 * rejects with the reason if one of them fails or `timeoutMs` passes. */
export async function whenSettled(timeoutMs = 120_000): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    const s = useAppStore.getState();
    if (s.headStatus === 'error' || s.dotsStatus === 'error' || s.lookStatus === 'error') {
      throw new Error(s.error?.message ?? 'The head could not be drawn.');
    }
    const drawn = useDotsDrawn.getState().drawn;
    const look = useLookDrawn.getState().drawn;
    const ready = s.headStatus === 'ready' && s.drawnHead === s.head && s.dotsStatus === 'ready' && s.dots !== null && drawn === s.dots && s.lookStatus === 'ready' && look === s.look;
    if (ready) return;
    if (performance.now() - t0 > timeoutMs) throw new Error('The preview took too long to draw.');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface CaptureOptions {
  /** The camera's distance as a share of the preset's (under 1 comes closer). */
  zoom?: number;
  /** Keep only the middle of the view, of this width / height. */
  aspect?: number;
  /** PNG by default; JPEG is far smaller, for a PDF. */
  type?: 'image/png' | 'image/jpeg';
}

/** Pictures of `shots` in order; `widthPx` is the width of the whole view before any crop. */
export async function captureViews<V extends CameraPreset>(shots: Shot<V>[], widthPx: number, options: CaptureOptions = {}): Promise<CapturedShot<V>[]> {
  const store = useAppStore;
  const before = store.getState();
  const { view, years, compare, tool, scarDraft, showGuides, showLandmarks, showRegion } = before;
  const { actions } = before;
  // A camera turned by hand is put back exactly where it was.
  const three = sceneState.three?.();
  // The orbit controls (CameraRig, drei's makeDefault) turn round their target.
  const controls = (three?.controls ?? null) as unknown as { target: Vector3; update(): void } | null;
  const camera = three ? { position: three.camera.position.clone(), quaternion: three.camera.quaternion.clone(), target: controls?.target.clone() } : null;
  // The pictures show the design alone: no divider, guides or tool.
  actions.setCompare({ on: false });
  actions.setTool('orbit');
  actions.setShowGuides(false);
  actions.setShowLandmarks(false);
  actions.setShowRegion(false);
  const out: CapturedShot<V>[] = [];
  try {
    for (const shot of shots) {
      store.getState().actions.goTo(shot.view);
      store.getState().actions.setYears(shot.years);
      // The camera preset is applied when React commits; two frames make sure it has.
      await frame();
      await frame();
      const target = controls?.target;
      if (three && target) {
        const offset = three.camera.position
          .clone()
          .sub(target)
          .multiplyScalar(options.zoom ?? 1);
        if (shot.elevationDeg) {
          const side = new Vector3().crossVectors(offset, three.camera.up).normalize();
          offset.applyAxisAngle(side, (shot.elevationDeg * Math.PI) / 180);
        }
        three.camera.position.copy(target).add(offset);
        three.camera.lookAt(target);
      }
      const blob = await snapshotPng(widthPx, options.aspect, options.type);
      out.push({ ...shot, image: new Uint8Array(await blob.arrayBuffer()) });
    }
  } finally {
    actions.setCompare(compare);
    actions.setTool(tool);
    actions.setScarDraft(scarDraft);
    actions.setShowGuides(showGuides);
    actions.setShowLandmarks(showLandmarks);
    actions.setShowRegion(showRegion);
    store.getState().actions.setYears(years);
    if (view !== 'free') store.getState().actions.goTo(view);
    else if (three && camera) {
      await frame();
      three.camera.position.copy(camera.position);
      three.camera.quaternion.copy(camera.quaternion);
      if (camera.target) controls?.target.copy(camera.target);
      controls?.update();
      store.getState().actions.freeView();
      three.invalidate();
    }
  }
  return out;
}

/** One picture of each design from the same side at the same year, for a side-by-side
 * comparison. Each design is put on screen in turn; the one on screen before, with its undo
 * history, is put back afterwards. */
export async function captureDesigns(designs: Design[], shot: Shot, widthPx: number, options: CaptureOptions = {}): Promise<Uint8Array[]> {
  const store = useAppStore;
  const { design, past, future } = store.getState();
  const out: Uint8Array[] = [];
  try {
    for (const d of designs) {
      await store.getState().actions.openDesign(d);
      await whenSettled();
      const [captured] = await captureViews([shot], widthPx, options);
      out.push(captured.image);
    }
  } finally {
    await store.getState().actions.openDesign(design);
    store.getState().actions.restoreHistory({ past, future });
  }
  return out;
}

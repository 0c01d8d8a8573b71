import { useEffect } from 'react';
import { advance, useThree, type RootState } from '@react-three/fiber';
import { fadeClient, useAppStore } from '../state/store';
import { overrideJobTimeouts } from '../state/jobClient';
import type { FaceLandmarks, FadeResult } from '../model';
import { Vector3 } from 'three';
import { MM_TO_SCENE } from '../render/units';
import { dotsView } from './dotsView';
import { sceneState } from './sceneState';
import { cameraFigures, placeCamera, type CameraFigures, type CameraPlacement } from './cameraPose';
import { landmarksClient } from '../photo/landmarksClient';
import { photoHandle, type PhotoHandle } from './photo/photoHandle';

/** What benchmarks, tests and scripts may reach from the page (`window.smpStudio`). */
export interface SmpStudioHandle extends PhotoHandle {
  store: typeof useAppStore;
  /** Draws `n` frames one after another, each finished (a 1-pixel readback waits for the GPU);
   * resolves to the mean milliseconds per frame. */
  renderFrames(n: number): Promise<number>;
  /** The renderer's state (gl, scene, camera...), for inspection. */
  three(): RootState;
  /** The dot renderer's last figures: bake time, dots baked, discs drawn by the close-up. */
  dots(): Omit<typeof dotsView, 'rebake'>;
  /** Bakes the current dots again, waiting for the GPU; milliseconds (null without dots). */
  bake(): number | null;
  /** Where a named scene object (e.g. 'handle-mid') or a point on the head (mm) is on the page,
   * in CSS pixels; null when it is not in the scene. */
  screenOf(target: string | [number, number, number]): { x: number; y: number } | null;
  /** Runs the fading simulation of every dot on screen at `years` in the fade worker; what it took.
   * Each run hands the last run's arrays back to the worker to be written again. */
  simulateFade(years: number[]): Promise<{ ms: number; dots: number; ok: boolean }>;
  /** Tests only: worker jobs started from now on time out after `ms` instead of their kind's
   * timeout (null puts those back), so a worker made silent is found out in a moment. */
  jobTimeoutMs(ms: number | null): void;
  /** Puts the camera anywhere round the head (the view turns 'free'); what it then is. */
  setCamera(placement: CameraPlacement): CameraFigures;
  /** What the camera is: its pose in head coordinates and its projection, for the canvas's size. */
  camera(): CameraFigures;
  /** Reads the face in a picture (PNG, JPEG...) in the landmark worker: what it found, and the
   * milliseconds from the call to the answer. */
  detectFace(picture: Blob): Promise<{ face: FaceLandmarks | null; ms: number }>;
}

/** The last fading result, whose arrays the next run recycles. */
let lastFade: FadeResult | null = null;

declare global {
  interface Window {
    smpStudio?: SmpStudioHandle;
  }
}

/** Exposes the handle while the canvas lives. Frames are drawn synchronously (R3F's `advance`),
 * so the time measured is the frame's work, not the wait for the next animation frame. */
export function WindowHook() {
  const get = useThree((s) => s.get);
  useEffect(() => {
    const pixel = new Uint8Array(4);
    sceneState.three = get;
    window.smpStudio = {
      ...photoHandle(get),
      store: useAppStore,
      three: get,
      dots: () => {
        const { rebake: _, ...figures } = dotsView;
        return figures;
      },
      bake: () => dotsView.rebake?.() ?? null,
      jobTimeoutMs: overrideJobTimeouts,
      setCamera: (placement) => placeCamera(get(), placement),
      camera: () => cameraFigures(get()),
      async detectFace(picture) {
        const t0 = performance.now();
        const face = await landmarksClient().detectFace(await createImageBitmap(picture));
        return { face, ms: performance.now() - t0 };
      },
      async simulateFade(years) {
        const { design, dots } = useAppStore.getState();
        if (!dots) return { ms: 0, dots: 0, ok: false };
        const outcome = await fadeClient.simulate(design, dots, years, lastFade);
        lastFade = outcome.kind === 'ok' && outcome.value.ok ? outcome.value.result : null;
        return { ms: outcome.kind === 'ok' ? outcome.ms : 0, dots: dots.count, ok: outcome.kind === 'ok' && outcome.value.ok };
      },
      screenOf(target) {
        const { scene, camera, gl } = get();
        const p = new Vector3();
        if (typeof target === 'string') {
          const o = scene.getObjectByName(target);
          if (!o) return null;
          o.getWorldPosition(p);
        } else p.set(...target).multiplyScalar(MM_TO_SCENE);
        p.project(camera);
        const r = gl.domElement.getBoundingClientRect();
        return { x: r.left + ((p.x + 1) / 2) * r.width, y: r.top + ((1 - p.y) / 2) * r.height };
      },
      async renderFrames(n) {
        const state = get();
        const gl = state.gl.getContext();
        let total = 0;
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          advance(t0, true, get());
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
          total += performance.now() - t0;
          // Let the page breathe between frames (input, workers' messages).
          await new Promise((r) => setTimeout(r, 0));
        }
        return total / Math.max(1, n);
      },
    };
    return () => {
      delete window.smpStudio;
      sceneState.three = null;
    };
  }, [get]);
  return null;
}

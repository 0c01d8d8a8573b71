import { useEffect, useLayoutEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { addAfterEffect, Canvas, useThree } from '@react-three/fiber';
import { NeutralToneMapping, type WebGLRendererParameters } from 'three';
import { labToHex, skinLab } from '../model';
import { BACKDROP_CSS } from '../render/background';
import { visibleDotCount } from '../render/dots/inks';
import { isSoftwareRenderer } from '../render/gpu';
import { maxPointSize } from '../render/dots/closeUp';
import { recordPrograms } from '../render/gpuQueue';
import { quietForeignDeprecations } from '../render/threeConsole';
import { MM_TO_SCENE } from '../render/units';
import { useAppStore, viewerStatus, type DotsStatus } from '../state/store';
import { CameraRig } from './CameraRig';
import { HeadMesh } from './HeadMesh';
import { Landmarks } from './Landmarks';
import { PhotoOverlay } from './photo/PhotoOverlay';
import { sceneState } from './sceneState';
import { Studio } from './Studio';
import { WindowHook } from './WindowHook';
import { useDotsDrawn, useLookDrawn } from './dotsView';

// Before the first canvas: three.js is loaded with the viewer (app/App.tsx), and its programs'
// sources are noted for the GPU worker (render/gpuQueue.ts).
quietForeignDeprecations();
recordPrograms();

/** Asked once, when the first viewer mounts (the probe needs a WebGL context of its own). */
const glParameters = (): WebGLRendererParameters & { toneMapping: typeof NeutralToneMapping } => ({
  // MSAA is nearly free on a GPU but doubles the head's frame time on a CPU rasteriser
  // (SwiftShader, 800x600: ~230 -> ~120 ms); there the head's edge stays aliased.
  antialias: !isSoftwareRenderer(),
  // Lets tests and snapshots read back what is on screen.
  preserveDrawingBuffer: true,
  // Transparent where nothing is drawn: the backdrop is the viewer's CSS background.
  alpha: true,
  powerPreference: 'high-performance',
  toneMapping: NeutralToneMapping,
});

/** The 3D preview. Its element states what it shows, for tests and assistive tech alike.
 * `overlay` is drawn over the canvas (the compare divider, from the UI). */
export function Viewer({ overlay }: { overlay?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const status = useAppStore(viewerStatus);
  const mode = useAppStore((s) => s.mode);
  const view = useAppStore((s) => s.view);
  const circumference = useAppStore((s) => s.head?.measures.circumferenceMm);
  const skinHex = useAppStore((s) => labToHex(skinLab(s.design.skin)));
  const contextLost = useAppStore((s) => s.contextLost);
  const dotsStatus = useDotsStatus();
  const drawnDots = useDotsDrawn((s) => s.drawn);
  const dotCount = useAppStore((s) => (drawnDots ? visibleDotCount(s.design, drawnDots.layerCounts) : 0));
  const actions = useAppStore((s) => s.actions);
  const gl = useMemo(glParameters, []);
  const lookStatus = useAppStore((s) => s.lookStatus);
  const years = useAppStore((s) => s.years);
  const compare = useAppStore((s) => s.compare);
  const look = useAppStore((s) => s.look);
  const lookDrawn = useLookDrawn((s) => s.drawn);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !el.dataset.renderCount) el.dataset.renderCount = '0';
  }, []);

  return (
    <div
      ref={ref}
      className="viewer"
      data-testid="viewer"
      data-status={status}
      data-mode={mode}
      data-view={view}
      data-head-circumference-mm={circumference === undefined ? undefined : String(Math.round(circumference * 10) / 10)}
      data-skin-hex={skinHex}
      data-dots-status={dotsStatus}
      data-dot-count={dotCount}
      data-years={years}
      data-compare-years={compare.on ? compare.years : undefined}
      data-look-status={lookStatus === 'ready' && lookDrawn !== look ? 'generating' : lookStatus}
      data-stubble-units={lookDrawn?.stubble.unitCount ?? 0}
      data-stubble-hairs={lookDrawn?.stubble.hairCount ?? 0}
      style={{ background: BACKDROP_CSS }}
      role="region"
      aria-label="3D preview of the head: drag to turn it, pinch or scroll to zoom"
      aria-busy={status === 'loading'}
    >
      <Canvas
        frameloop="demand"
        // The device's own pixel ratio (phones: 2-3), so the dots keep their grain on a phone.
        dpr={[1, 3]}
        gl={gl}
        camera={{ fov: 30, near: 0.01, far: 20, position: [0, 0, 1] }}
        onCreated={({ gl, invalidate }) => {
          // Asked now, while the GPU has nothing else to do (render/gpuQueue.ts).
          maxPointSize(gl);
          const canvas = gl.domElement;
          canvas.addEventListener('webglcontextlost', () => actions.setContextLost(true));
          canvas.addEventListener('webglcontextrestored', () => {
            actions.setContextLost(false);
            invalidate();
          });
        }}
      >
        <FrameReporter viewer={ref} />
        <WindowHook />
        <Studio />
        <SceneContent />
        <CameraRig />
      </Canvas>
      {overlay}
      <PhotoOverlay />
      {status === 'loading' && !contextLost && (
        <div className="viewer-note" aria-hidden="true">
          <span className="spinner" /> Building the head…
        </div>
      )}
      {contextLost && (
        <div className="viewer-note" role="status">
          The graphics were interrupted; the preview will come back in a moment.
        </div>
      )}
    </div>
  );
}

/** The store's dots status, except that 'ready' waits until the current dots have been baked
 * and a frame drawn with them. */
function useDotsStatus(): DotsStatus {
  const status = useAppStore((s) => s.dotsStatus);
  const dots = useAppStore((s) => s.dots);
  const drawn = useDotsDrawn((s) => s.drawn);
  if (status !== 'ready') return status;
  return drawn !== null && drawn === dots ? 'ready' : 'generating';
}

function SceneContent() {
  const head = useAppStore((s) => s.head);
  const showLandmarks = useAppStore((s) => s.showLandmarks);
  return (
    <group scale={MM_TO_SCENE}>
      <HeadMesh />
      {head && showLandmarks && <Landmarks head={head} />}
    </group>
  );
}

/** After each frame actually drawn: bump data-render-count on the viewer (straight into the DOM,
 * no React state per frame), and report once when a new head has reached the screen.
 * Whatever the viewer's element reports (mode, view, design...) is followed by a fresh frame, so
 * "wait for the next frame" after any action always ends. */
function FrameReporter({ viewer }: { viewer: RefObject<HTMLDivElement | null> }) {
  const get = useThree((s) => s.get);
  const invalidate = useThree((s) => s.invalidate);

  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (
          s.mode !== prev.mode ||
          s.view !== prev.view ||
          s.design !== prev.design ||
          s.showLandmarks !== prev.showLandmarks ||
          s.showRegion !== prev.showRegion ||
          s.tool !== prev.tool ||
          s.showGuides !== prev.showGuides ||
          s.scarDraft !== prev.scarDraft ||
          s.years !== prev.years ||
          s.compare !== prev.compare
        ) {
          invalidate();
        }
      }),
    [invalidate],
  );

  useEffect(() => {
    let count = Number(viewer.current?.dataset.renderCount ?? 0);
    let lastFrame = -1;
    let lastInfo: unknown = null;
    return addAfterEffect(() => {
      const { gl } = get();
      const drawn = gl.info.render.frame;
      // A restored context gets a new info whose frame count starts again from 0, so after a
      // second loss the first frame can carry the number of the last one counted.
      if ((drawn === lastFrame && gl.info === lastInfo) || gl.getContext().isContextLost()) return;
      lastFrame = drawn;
      lastInfo = gl.info;
      count += 1;
      if (viewer.current) viewer.current.dataset.renderCount = String(count);
      const { meshHead } = sceneState;
      if (meshHead) useAppStore.getState().actions.headDrawn(meshHead);
    });
  }, [get, viewer]);

  return null;
}

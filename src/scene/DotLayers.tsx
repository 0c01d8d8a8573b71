import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { Design, DotSet, HeadModel } from '../model';
import { DotBaker, maxPointSize } from '../render/dots/bake';
import { CloseUpDots } from '../render/dots/closeUp';
import { writeInks } from '../render/dots/inks';
import { createDotUniforms } from '../render/dots/shared';
import type { SkinMaterial } from '../render/skinMaterial';
import { useAppStore } from '../state/store';
import { dotsView, useDotsDrawn } from './dotsView';
import { disposeUnlessLost, useDrawnAfterFrame } from './sceneState';

/** What the head shows of the design: in training the practice head is bare (the exercise brings
 * its own dots), so every session is hidden there. */
function shownDesign(s: { design: Design; mode: string }): Design {
  return s.mode === 'training' ? { ...s.design, layers: s.design.layers.map((l) => ({ ...l, visible: false })) } : s.design;
}

/** The dot layers on the head: baked into the skin's coverage maps when new dots arrive, the
 * close-up discs near the point looked at, and the inks. Shade, visibility and skin changes
 * only rewrite uniforms. Lives inside the head's millimetre group. */
export function DotLayers({ material, head }: { material: SkinMaterial; head: HeadModel }) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const glEpoch = useAppStore((s) => s.glEpoch);
  // Dots made for another head (the head changed, new dots are on their way) are not shown.
  const dots = useAppStore((s) => (s.dotsHead === head ? s.dots : null));
  const uniforms = useMemo(createDotUniforms, []);
  // GPU objects are made afresh when a lost context returns (glEpoch), see disposeUnlessLost.
  const baker = useMemo(() => new DotBaker(gl), [gl, glEpoch]);
  const closeUp = useMemo(() => new CloseUpDots(uniforms, invalidate, maxPointSize(gl)), [uniforms, invalidate, gl, glEpoch]);
  /** Dots baked but not yet drawn in a frame. */
  const awaitDrawn = useDrawnAfterFrame((drawn: DotSet) => useDotsDrawn.setState({ drawn }));

  useEffect(() => () => disposeUnlessLost(glEpoch, baker), [baker, glEpoch]);
  useEffect(() => () => disposeUnlessLost(glEpoch, closeUp), [closeUp, glEpoch]);

  // Bake when new dots arrive (or the context came back).
  useLayoutEffect(() => {
    useDotsDrawn.setState({ drawn: null });
    closeUp.setDots(null);
    if (!dots) {
      uniforms.uDotMap0.value = uniforms.uDotMap1.value = null;
      baker.dispose();
      material.setDots(uniforms, 0);
      awaitDrawn(null);
      invalidate();
      return;
    }
    const bake = () => {
      const baked = baker.bake(dots);
      uniforms.uDotMap0.value = baked.maps[0] ?? null;
      uniforms.uDotMap1.value = baked.maps[1] ?? null;
      material.setDots(uniforms, baked.maps.length);
      closeUp.setDots(dots, baked.size);
      Object.assign(dotsView, { bakeMs: baked.ms, bakedCount: dots.count, mapSize: baked.size });
    };
    bake();
    writeInks(uniforms, shownDesign(useAppStore.getState()), dots.layerCounts, useAppStore.getState().years);
    awaitDrawn(dots);
    // For the bench: bake again, waiting for the GPU (a 1-pixel read-back), and say how long it took.
    dotsView.rebake = () => {
      const t0 = performance.now();
      bake();
      const c = gl.getContext();
      c.readPixels(0, 0, 1, 1, c.RGBA, c.UNSIGNED_BYTE, new Uint8Array(4));
      invalidate();
      return performance.now() - t0;
    };
    invalidate();
    return () => {
      dotsView.rebake = null;
    };
  }, [dots, baker, closeUp, material, uniforms, gl, invalidate]);

  // Inks follow the design (shades, visibility, skin) without touching the maps.
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (s.design === prev.design && s.years === prev.years && s.mode === prev.mode) return;
        writeInks(uniforms, shownDesign(s), dots?.layerCounts ?? null, s.years);
        invalidate();
      }),
    [uniforms, dots, invalidate],
  );

  // A lost context loses the maps: nothing counts as drawn until they are baked again.
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (s.contextLost && !prev.contextLost) useDotsDrawn.setState({ drawn: null });
      }),
    [],
  );

  useFrame(({ camera, size, viewport }) => {
    // Device pixels: a disc's anti-aliased edge and the map's sharpness are judged in them.
    closeUp.update(camera, size.width * viewport.dpr, size.height * viewport.dpr);
    dotsView.closeUpCount = closeUp.drawnCount;
  });

  // This component draws the frame (a positive priority takes over R3F's own render): once, or,
  // comparing two years, the year shown left of the divider and the other right of it, each
  // with its own inks. The inks are uniforms, so a second year costs one more draw, no bake.
  useFrame(({ gl, scene, camera, size }) => {
    const state = useAppStore.getState();
    const { compare, years } = state;
    const design = shownDesign(state);
    if (!compare.on || !dots) {
      gl.render(scene, camera);
      return;
    }
    const split = Math.round(size.width * compare.split);
    gl.setScissorTest(true);
    gl.setScissor(0, 0, split, size.height);
    gl.render(scene, camera);
    writeInks(uniforms, design, dots.layerCounts, compare.years);
    gl.setScissor(split, 0, size.width - split, size.height);
    gl.render(scene, camera);
    writeInks(uniforms, design, dots.layerCounts, years);
    gl.setScissorTest(false);
  }, 1);

  return <primitive object={closeUp.mesh} />;
}

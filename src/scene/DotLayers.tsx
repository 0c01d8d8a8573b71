import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Mesh, type Camera, type Scene, type WebGLRenderer } from 'three';
import type { Design, DotSet, HeadModel } from '../model';
import { DotBaker } from '../render/dots/bake';
import { CloseUpDots, maxPointSize } from '../render/dots/closeUp';
import { writeInks } from '../render/dots/inks';
import { createDotUniforms } from '../render/dots/shared';
import { gpuQueue } from '../render/gpuQueue';
import { SkinMaterial } from '../render/skinMaterial';
import { useAppStore } from '../state/store';
import { dotsView, useDotsDrawn } from './dotsView';
import { disposeUnlessLost, sceneState, useDrawnAfterFrame } from './sceneState';

/** What the head shows of the design: in training the practice head is bare (the exercise brings
 * its own dots), so every session is hidden there. */
export function shownDesign(s: { design: Design; mode: string }): Design {
  return s.mode === 'training' ? { ...s.design, layers: s.design.layers.map((l) => ({ ...l, visible: false })) } : s.design;
}

/** The skin's programs for the client's stubble and the dots, compiled ahead (while the workers
 * make them) against the head's mesh: the materials returned hold them until disposed. */
function warmSkinVariants(renderer: WebGLRenderer, scene: Scene, camera: Camera, material: SkinMaterial): SkinMaterial[] {
  const head = scene.getObjectByName('head');
  if (!(head instanceof Mesh)) return [];
  const now = material.defines ?? {};
  const wanted = [
    { HAIR_MAP: 1, DOT_MAPS: now.DOT_MAPS },
    { HAIR_MAP: 1, DOT_MAPS: 1 },
    { HAIR_MAP: now.HAIR_MAP, DOT_MAPS: 1 },
  ].filter((v, k, all) => (v.HAIR_MAP !== now.HAIR_MAP || v.DOT_MAPS !== now.DOT_MAPS) && all.findIndex((w) => w.HAIR_MAP === v.HAIR_MAP && w.DOT_MAPS === v.DOT_MAPS) === k);
  return wanted.map((v) => {
    const variant = new SkinMaterial();
    variant.defines = { ...now, ...v };
    gpuQueue(renderer).prepare(new Mesh(head.geometry, variant), camera, scene);
    return variant;
  });
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
  /** Programs compiled ahead, once the head is on screen (see the frame below). */
  const warm = useRef<{ epoch: number; variants: SkinMaterial[] } | null>(null);
  /** A frame held back for the GPU asks again after this long. */
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => disposeUnlessLost(glEpoch, baker), [baker, glEpoch]);
  useEffect(
    () => () => {
      if (retry.current !== null) clearTimeout(retry.current);
      for (const v of warm.current?.variants ?? []) disposeUnlessLost(warm.current!.epoch, v);
      warm.current = null;
    },
    [material, glEpoch],
  );
  useEffect(() => () => disposeUnlessLost(glEpoch, closeUp), [closeUp, glEpoch]);

  useEffect(() => {
    sceneState.dotUniforms = uniforms;
    return () => {
      if (sceneState.dotUniforms === uniforms) sceneState.dotUniforms = null;
    };
  }, [uniforms]);

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
    // Once the GPU has done what it was given (render/gpuQueue.ts): the bake then asks it nothing,
    // and the frames wait for the bake's draw and mipmaps instead of freezing the page.
    const queue = gpuQueue(gl);
    const cancel = queue.whenIdle(() => {
      bake();
      queue.fenceNow();
      writeInks(uniforms, shownDesign(useAppStore.getState()), dots.layerCounts, useAppStore.getState().years);
      awaitDrawn(dots);
      invalidate();
    });
    // For the bench: bake again, waiting for the GPU (a 1-pixel read-back), and say how long it took.
    dotsView.rebake = () => {
      const t0 = performance.now();
      bake();
      const c = gl.getContext();
      c.readPixels(0, 0, 1, 1, c.RGBA, c.UNSIGNED_BYTE, new Uint8Array(4));
      invalidate();
      return performance.now() - t0;
    };
    return () => {
      cancel();
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
  //
  // A frame waits while the GPU is busy with work fenced before it, and while the programs it
  // needs are compiled (render/gpuQueue.ts), so that drawing it asks the GPU nothing it would
  // have to finish first. After the first frame of a head, the programs still to come (the
  // bake's, the skin's with stubble and dots) are compiled ahead.
  useFrame(({ gl, scene, camera, size, invalidate }) => {
    const queue = gpuQueue(gl);
    if (!queue.frameReady(scene, camera)) {
      retry.current ??= setTimeout(() => {
        retry.current = null;
        invalidate();
      }, 16);
      return;
    }
    if (!warm.current) {
      warm.current = { epoch: glEpoch, variants: [] };
      const w = warm.current;
      setTimeout(() => {
        if (warm.current !== w || gl.getContext().isContextLost()) return;
        queue.whenIdle(() => {
          if (warm.current !== w) return;
          baker.warmUp();
          w.variants = warmSkinVariants(gl, scene, camera, material);
        });
      }, 0);
    }
    const state = useAppStore.getState();
    const { compare, years } = state;
    const design = shownDesign(state);
    if (!compare.on || !dots) {
      gl.render(scene, camera);
    } else {
      const split = Math.round(size.width * compare.split);
      gl.setScissorTest(true);
      gl.setScissor(0, 0, split, size.height);
      gl.render(scene, camera);
      writeInks(uniforms, design, dots.layerCounts, compare.years);
      gl.setScissor(split, 0, size.width - split, size.height);
      gl.render(scene, camera);
      writeInks(uniforms, design, dots.layerCounts, years);
      gl.setScissorTest(false);
    }
    queue.drawnFrame();
  }, 1);

  return <primitive object={closeUp.mesh} />;
}

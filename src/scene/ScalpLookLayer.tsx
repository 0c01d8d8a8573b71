import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { DataTexture, LinearFilter, LinearMipmapLinearFilter, RedFormat, UnsignedByteType } from 'three';
import { HALO_GAIN, hairLab, labToLinearRgb, skinLab, stubbleOptics, type Design, type HeadModel, type ScalpLook } from '../model';
import { DotBaker } from '../render/dots/bake';
import { gpuQueue } from '../render/gpuQueue';
import type { HairColors, SkinMaterial } from '../render/skinMaterial';
import { useAppStore } from '../state/store';
import { disposeUnlessLost, useDrawnAfterFrame } from './sceneState';
import { useLookDrawn } from './dotsView';

/** The stubble's colours on this client's skin (the model's optics of a shaved hair). */
function hairColors(design: Design): HairColors {
  const skin = skinLab(design.skin);
  const optics = stubbleOptics({ hair: hairLab(design.hair), skin, stubble: design.stubble });
  return { cut: labToLinearRgb(optics.cutLab), shaft: labToLinearRgb(optics.shaftLab), skin: labToLinearRgb(skin) };
}

/** Layer 0 of the stubble is the shafts under the skin, with a halo like any pigment there;
 * layer 1 the cut ends lying on it, without. */
const stubbleHalo = (layer: number) => (layer === 0 ? HALO_GAIN : 0);

/** The client's own scalp under the design: the shaved stubble, baked once into a coverage map by
 * the same path as the dots (so it costs nothing per frame), and the scar tissue as a chart-space
 * map. A change of hair colour only rewrites a uniform. */
export function ScalpLookLayer({ material, head }: { material: SkinMaterial; head: HeadModel }) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const glEpoch = useAppStore((s) => s.glEpoch);
  // The practice head in training is bare: the exercise brings its own stubble.
  const training = useAppStore((s) => s.mode === 'training');
  const look = useAppStore((s) => (s.lookHead === head ? s.look : null));
  const baker = useMemo(() => new DotBaker(gl), [gl, glEpoch]);
  // Once a frame with the new stubble has been drawn, it counts as on screen.
  const awaitDrawn = useDrawnAfterFrame((drawn: ScalpLook) => useLookDrawn.setState({ drawn }));
  useEffect(() => () => disposeUnlessLost(glEpoch, baker), [baker, glEpoch]);

  const scarTexture = useMemo(() => {
    if (!look?.scarMap) return null;
    const t = new DataTexture(look.scarMap, look.scarMapSize, look.scarMapSize, RedFormat, UnsignedByteType);
    t.minFilter = LinearMipmapLinearFilter;
    t.magFilter = LinearFilter;
    t.generateMipmaps = true;
    t.needsUpdate = true;
    return t;
  }, [look, glEpoch]);
  useEffect(() => () => disposeUnlessLost(glEpoch, scarTexture), [scarTexture, glEpoch]);

  useLayoutEffect(() => {
    useLookDrawn.setState({ drawn: null });
    // Once the GPU has done what it was given, as the dots' bake (DotLayers.tsx, gpuQueue.ts).
    const queue = gpuQueue(gl);
    return queue.whenIdle(() => {
      const colors = hairColors(useAppStore.getState().design);
      if (!look || look.stubble.count === 0) {
        baker.dispose();
        material.setHair(null, colors);
      } else {
        material.setHair(baker.bake(look.stubble, stubbleHalo).maps[0], colors);
        queue.fenceNow();
      }
      material.setScars(scarTexture);
      if (training) {
        material.setHair(null, colors);
        material.setScars(null);
      }
      awaitDrawn(look);
      invalidate();
    });
  }, [look, baker, material, scarTexture, invalidate, awaitDrawn, training, gl]);

  // The hair's colours follow the design (hair, skin, shave) without touching the map.
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        const d = s.design,
          p = prev.design;
        if (d.hair === p.hair && d.skin === p.skin && d.stubble === p.stubble) return;
        material.setHairColors(hairColors(d));
        invalidate();
      }),
    [material, invalidate],
  );
  return null;
}

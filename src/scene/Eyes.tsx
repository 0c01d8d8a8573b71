import { useEffect, useMemo } from 'react';
import { Matrix4, Quaternion, Vector3, type Texture } from 'three';
import type { HeadModel } from '../model';
import { EyeMaterial, eyeGeometry } from '../render/eyeMaterial';
import { eyeBasis } from '../render/lidMap';
import { useAppStore } from '../state/store';
import { disposeUnlessLost } from './sceneState';

/** The eyes are seen, not picked: pointer rays pass them by. */
const noRaycast = () => {};

/** The two eyeballs the head's lids open onto (the skin mesh has the fissures, not the balls),
 * in the head's millimetre space, each turned to its frame (render/lidMap.ts eyeBasis) so its
 * lid map lines up. */
export function Eyes({ head, lidMap }: { head: HeadModel; lidMap: Texture | null }) {
  const eyes = head.eyes;
  const glEpoch = useAppStore((s) => s.glEpoch);
  // GPU objects are made afresh when a lost context returns (glEpoch), see disposeUnlessLost.
  const balls = useMemo(
    () =>
      eyes.slice(0, 2).map((e, k) => ({
        position: new Vector3(...e.centerMm),
        quaternion: new Quaternion().setFromRotationMatrix(new Matrix4().setFromMatrix3(eyeBasis(e))),
        geometry: eyeGeometry(e.radiusMm),
        material: new EyeMaterial(e.radiusMm, lidMap, k),
      })),
    [eyes, lidMap, glEpoch],
  );
  useEffect(
    () => () => {
      for (const b of balls) {
        disposeUnlessLost(glEpoch, b.geometry);
        disposeUnlessLost(glEpoch, b.material);
      }
    },
    [balls, glEpoch],
  );

  return (
    <group name="eyes">
      {balls.map((b, k) => (
        <mesh key={k} name={`eye-${k}`} position={b.position} quaternion={b.quaternion} geometry={b.geometry} material={b.material} raycast={noRaycast} />
      ))}
    </group>
  );
}

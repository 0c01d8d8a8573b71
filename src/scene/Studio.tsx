import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3, type DirectionalLight } from 'three';
import { studioProbe } from '../render/studioLight';
import { useAppStore } from '../state/store';

/** Where the key, fill and rim lights stand, in the camera's frame (x right, y up, z toward the
 * viewer), metres from the orbit target: the head is lit the same way from every side it is seen. */
const KEY = new Vector3(0.55, 0.7, 0.85);
const FILL = new Vector3(-0.8, 0.15, 0.6);
const RIM = new Vector3(-0.2, 0.6, -0.9);

/** A soft studio (the backdrop is CSS behind the canvas, see render/background.ts): a key, fill
 * and rim light that move with the camera, and the
 * soft boxes around the head as spherical-harmonic light (computed once, nothing downloaded).
 * No shadow map: the skin's baked ambient occlusion darkens the creases instead, at no cost
 * per frame (see model/head/occlusion.ts). */
export function Studio() {
  const lighting = useAppStore((s) => s.lighting);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const probe = useMemo(() => studioProbe(1), []);
  const key = useRef<DirectionalLight>(null);
  const fill = useRef<DirectionalLight>(null);
  const rim = useRef<DirectionalLight>(null);
  const controls = useThree((s) => s.controls) as { target?: Vector3 } | null;

  useFrame(({ camera }) => {
    const target = controls?.target;
    for (const [light, offset] of [
      [key.current, KEY],
      [fill.current, FILL],
      [rim.current, RIM],
    ] as const) {
      if (!light) continue;
      light.position.copy(offset).applyQuaternion(camera.quaternion);
      if (target) {
        light.position.add(target);
        light.target.position.copy(target);
      }
      light.target.updateMatrixWorld();
    }
  });

  useEffect(() => {
    gl.toneMappingExposure = lighting.exposure;
    probe.intensity = lighting.environment;
    invalidate();
  }, [gl, probe, lighting.exposure, lighting.environment, invalidate]);

  return (
    <>
      <primitive object={probe} />
      {/* Key: high, to the right of the camera. */}
      <directionalLight ref={key} intensity={lighting.key} color="#fff8f2" />
      {/* Fill: low, from the camera's left, a little cool. */}
      <directionalLight ref={fill} intensity={lighting.fill} color="#f2f5ff" />
      {/* Rim: behind the head and above, to separate it from the backdrop. */}
      <directionalLight ref={rim} intensity={lighting.rim} color="#ffffff" />
    </>
  );
}

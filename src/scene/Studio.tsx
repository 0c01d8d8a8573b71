import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3, type DirectionalLight } from 'three';
import { FILL_LIGHT, KEY_LIGHT, RIM_LIGHT, studioProbe } from '../render/studioLight';
import { useAppStore } from '../state/store';

const UP = new Vector3(0, 1, 0);
const KEY = new Vector3(...KEY_LIGHT);
const FILL = new Vector3(...FILL_LIGHT);
const RIM = new Vector3(...RIM_LIGHT);

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
    // The viewer's bearing round the head (from straight above: face on).
    const dx = camera.position.x - (target?.x ?? 0);
    const dz = camera.position.z - (target?.z ?? 0);
    const bearing = Math.hypot(dx, dz) > 1e-3 ? Math.atan2(dx, dz) : 0;
    for (const [light, offset] of [
      [key.current, KEY],
      [fill.current, FILL],
      [rim.current, RIM],
    ] as const) {
      if (!light) continue;
      if (offset === KEY) light.position.copy(offset).applyAxisAngle(UP, bearing);
      else light.position.copy(offset).applyQuaternion(camera.quaternion);
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

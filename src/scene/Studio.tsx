import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Vector3, type DirectionalLight } from 'three';
import { Environment, Lightformer } from '@react-three/drei';
import { createBackdrop } from '../render/background';
import { useAppStore } from '../state/store';

/** Where the key, fill and rim lights stand, in the camera's frame (x right, y up, z toward the
 * viewer), metres from the orbit target: the head is lit the same way from every side it is seen. */
const KEY = new Vector3(0.55, 0.7, 0.85);
const FILL = new Vector3(-0.8, 0.15, 0.6);
const RIM = new Vector3(-0.2, 0.6, -0.9);

/** A soft studio: the backdrop, a key, fill and rim light that move with the camera, and an
 * environment lit only by Lightformers rendered on the device (nothing is downloaded). */
export function Studio() {
  const lighting = useAppStore((s) => s.lighting);
  // Subscribed only to re-render (and so redraw the environment) when a lost context returns.
  useAppStore((s) => s.glEpoch);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const backdrop = useMemo(createBackdrop, []);
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

  useEffect(
    () => () => {
      backdrop.geometry.dispose();
      backdrop.material.dispose();
    },
    [backdrop],
  );

  useEffect(() => {
    gl.toneMappingExposure = lighting.exposure;
    invalidate();
  }, [gl, lighting.exposure, invalidate]);

  return (
    <>
      <primitive object={backdrop} />
      {/* Key: high, to the right of the camera; soft shadows under the brow, nose and ears. */}
      <directionalLight
        ref={key}
        intensity={lighting.key}
        color="#fff8f2"
        castShadow
        shadow-mapSize={[1024, 1024]}
        shadow-bias={-0.0004}
        shadow-normalBias={0.002}
        shadow-radius={7}
        shadow-intensity={0.7}
        shadow-camera-left={-0.25}
        shadow-camera-right={0.25}
        shadow-camera-top={0.25}
        shadow-camera-bottom={-0.25}
        shadow-camera-near={0.5}
        shadow-camera-far={2}
      />
      {/* Fill: low, from the camera's left, a little cool. */}
      <directionalLight ref={fill} intensity={lighting.fill} color="#f2f5ff" />
      {/* Rim: behind the head and above, to separate it from the backdrop. */}
      <directionalLight ref={rim} intensity={lighting.rim} color="#ffffff" />
      {/* Its cube is drawn again whenever Studio re-renders. */}
      <Environment resolution={256} frames={1} environmentIntensity={lighting.environment}>
        <Lightformer form="rect" intensity={2.2} position={[0, 3, 1]} scale={[6, 3, 1]} target={[0, 0, 0]} />
        <Lightformer form="rect" intensity={1.4} position={[3, 0.5, 2]} scale={[2, 4, 1]} target={[0, 0, 0]} />
        <Lightformer form="rect" intensity={0.9} position={[-3, 0.5, 2]} scale={[2, 4, 1]} target={[0, 0, 0]} />
        <Lightformer form="rect" intensity={0.8} position={[0, 1, -3]} scale={[5, 2, 1]} target={[0, 0, 0]} />
        <Lightformer form="rect" intensity={0.35} color="#e8e4df" position={[0, -3, 0]} scale={[8, 8, 1]} target={[0, 0, 0]} />
      </Environment>
    </>
  );
}

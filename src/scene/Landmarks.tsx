import { useEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Html } from '@react-three/drei';
import { MeshBasicMaterial, SphereGeometry, Vector3 } from 'three';
import { LANDMARKS, type HeadModel, type Landmark } from '../model';
import { MM_TO_SCENE } from '../render/units';
import { useAppStore } from '../state/store';
import { disposeUnlessLost } from './sceneState';

/** Full name, the anthropometric abbreviation used when the viewer is small, and the side of
 * the marker the label sits on (the client's right shows on the screen's left from the front). */
const LABELS: Record<Landmark, { name: string; short: string; side: 'left' | 'right' }> = {
  glabella: { name: 'Glabella', short: 'g', side: 'right' },
  nasion: { name: 'Nasion', short: 'n', side: 'left' },
  vertex: { name: 'Vertex', short: 'v', side: 'right' },
  opisthocranion: { name: 'Opisthocranion', short: 'op', side: 'right' },
  inion: { name: 'Inion', short: 'i', side: 'left' },
  nape: { name: 'Nape', short: 'nape', side: 'right' },
  tragusLeft: { name: 'Tragus (L)', short: 't L', side: 'right' },
  tragusRight: { name: 'Tragus (R)', short: 't R', side: 'left' },
  eyeOuterLeft: { name: 'Eye corner (L)', short: 'ex L', side: 'right' },
  eyeOuterRight: { name: 'Eye corner (R)', short: 'ex R', side: 'left' },
  menton: { name: 'Menton', short: 'me', side: 'right' },
};

/** Below this viewer width labels use the short names. */
const COMPACT_WIDTH_PX = 600;

const scratch = new Vector3();
const toCamera = new Vector3();

/** Landmark markers (millimetre space, inside the head's group) with HTML labels; a label
 * whose landmark faces away from the camera is hidden. */
export function Landmarks({ head }: { head: HeadModel }) {
  const compact = useThree((s) => s.size.width < COMPACT_WIDTH_PX);
  const invalidate = useThree((s) => s.invalidate);
  const labels = useRef<(HTMLDivElement | null)[]>([]);
  const glEpoch = useAppStore((s) => s.glEpoch);
  // One marker geometry and material for all landmarks, made afresh when a lost context returns.
  const marker = useMemo(() => ({ geometry: new SphereGeometry(2.6, 16, 12), material: new MeshBasicMaterial({ color: '#1f6feb', toneMapped: false }) }), [glEpoch]);
  useEffect(
    () => () => {
      disposeUnlessLost(glEpoch, marker.geometry);
      disposeUnlessLost(glEpoch, marker.material);
    },
    [marker, glEpoch],
  );
  const points = useMemo(() => LANDMARKS.map((name) => new Vector3(...head.landmarks[name])), [head]);
  const centre = useMemo(() => {
    const l = head.landmarks;
    return new Vector3(0, l.tragusLeft[1], (l.glabella[2] + l.opisthocranion[2]) / 2);
  }, [head]);

  useFrame(({ camera }) => {
    // Landmarks are in mm (the head's group is only scaled), the camera in scene units.
    const group = labels.current;
    for (let i = 0; i < points.length; i++) {
      const el = group[i];
      if (!el) continue;
      const marker = el.closest<HTMLElement>('.landmark-anchor') ?? el;
      const outward = scratch.copy(points[i]).sub(centre).normalize();
      toCamera.copy(camera.position).divideScalar(MM_TO_SCENE).sub(points[i]).normalize();
      marker.style.visibility = outward.dot(toCamera) > 0.2 ? 'visible' : 'hidden';
    }
  });

  return (
    <group name="landmarks">
      {LANDMARKS.map((name, i) => (
        <group key={name} position={points[i]}>
          <mesh geometry={marker.geometry} material={marker.material} renderOrder={2} />
          <Html wrapperClass="landmark-anchor" pointerEvents="none" zIndexRange={[20, 10]}>
            <div
              className={`landmark-label landmark-${LABELS[name].side}`}
              title={LABELS[name].name}
              ref={(el) => {
                labels.current[i] = el;
                // Labels mount in their own React root, after the frame that placed them: draw
                // one more so their visibility is set (they start hidden).
                if (el) invalidate();
              }}
            >
              {compact ? LABELS[name].short : LABELS[name].name}
            </div>
          </Html>
        </group>
      ))}
    </group>
  );
}

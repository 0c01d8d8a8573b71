import { useLayoutEffect, useMemo, useRef, type ComponentRef } from 'react';
import { useThree } from '@react-three/fiber';
import { OrbitControls } from '@react-three/drei';
import { PerspectiveCamera, Vector3 } from 'three';
import { headFrame, presetPosition, WORKING_DISTANCE } from '../render/framing';
import { MM_TO_SCENE } from '../render/units';
import { useAppStore, type CameraCommand } from '../state/store';
import { useViewInset } from '../state/viewInset';

/** Orbit, zoom and pan (mouse and touch) around the head, and the camera presets. Presets are
 * instant; the view turns 'free' as soon as the user moves the camera by hand. */
export function CameraRig() {
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const userMoving = useRef(false);
  const head = useAppStore((s) => s.head);
  const command = useAppStore((s) => s.camera);
  const camera = useThree((s) => s.camera);
  const width = useThree((s) => s.size.width);
  const height = useThree((s) => s.size.height);
  const invalidate = useThree((s) => s.invalidate);
  const frame = useMemo(() => (head ? headFrame(head) : null), [head]);
  const applied = useRef<CameraCommand | null>(null);
  const insetPx = useViewInset((s) => Math.min(s.bottomPx, height / 2));

  useLayoutEffect(() => {
    const c = controls.current;
    if (!frame || !c || !(camera instanceof PerspectiveCamera)) return;
    // A control over the bottom of the view: the picture moves up by half of it, so the head is
    // centred in what is left clear (raycasts and projections follow the offset).
    if (insetPx > 0) camera.setViewOffset(width, height, 0, insetPx / 2, width, height);
    else camera.clearViewOffset();
    const clearShare = 1 - insetPx / Math.max(1, height);
    const last = applied.current;
    const isNewCommand = !last || last.id !== command.id;
    // Resizes and new heads re-frame a preset, but never undo where the user has moved to.
    if (!isNewCommand && useAppStore.getState().view === 'free') return;
    applied.current = command;
    if (command.to === 'focus' && command.focus) {
      const { at, normal } = command.focus;
      c.target.set(at[0], at[1], at[2]).multiplyScalar(MM_TO_SCENE);
      camera.position.copy(c.target).addScaledVector(new Vector3(normal[0], normal[1], normal[2]).normalize(), WORKING_DISTANCE);
      c.minDistance = WORKING_DISTANCE / 3;
    } else if (command.to === 'hairline') {
      // Face on and from above the brows, near enough that the forehead and temples fill the view.
      c.target.copy(frame.centre).add(new Vector3(0, frame.size.y * 0.3, frame.size.z * 0.2));
      const d = presetPosition(frame, 'front', camera.fov, width / Math.max(1, height), new Vector3(), clearShare).distanceTo(frame.centre);
      camera.position.copy(c.target).addScaledVector(new Vector3(0, 0.75, 1).normalize(), d * 0.62);
      c.minDistance = frame.radius * 0.6;
    } else if (command.to === 'working-distance') {
      c.target.copy(frame.crown);
      camera.position.copy(frame.crown).addScaledVector(frame.crownNormal, WORKING_DISTANCE);
      c.minDistance = WORKING_DISTANCE / 3;
    } else if (command.to !== 'focus') {
      c.target.copy(frame.centre);
      presetPosition(frame, command.to, camera.fov, width / Math.max(1, height), camera.position, clearShare);
      c.minDistance = frame.radius * 1.15;
    }
    c.maxDistance = frame.radius * 12;
    camera.up.set(0, 1, 0);
    camera.lookAt(c.target);
    c.update();
    invalidate();
  }, [frame, command, camera, width, height, insetPx, invalidate]);

  const actions = useAppStore((s) => s.actions);

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      rotateSpeed={0.8}
      zoomSpeed={0.9}
      onStart={() => void (userMoving.current = true)}
      onEnd={() => void (userMoving.current = false)}
      onChange={() => {
        if (userMoving.current) actions.freeView();
      }}
    />
  );
}

/** Editing on the head: the hairline with its draggable handles, the anthropometric guides, the
 * hair brush and the outline of a free scar. A press on the head goes to the active tool; with a
 * tool active the camera turns with the right button (one finger draws, two turn). Every edit is
 * committed once, when the press ends, as one step of the design's history. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import { Html } from '@react-three/drei';
import { BufferAttribute, BufferGeometry, Line, LineBasicMaterial, MeshBasicMaterial, MOUSE, Raycaster, SphereGeometry, TOUCH, Vector2, type Object3D } from 'three';
import { hairlineGuides, hairlineHandles, hairlinePolyline, moveHandle, type Hairline, type HairlineHandle, type HeadModel, type Vec3 } from '../model';
import { MM_TO_SCENE } from '../render/units';
import { exerciseById } from '../model';
import { training, useTraining, type PlacedDot } from '../state/training';
import { useAppStore } from '../state/store';

/** Lines float this far above the skin so the surface does not hide them. */
const LIFT_MM = 0.6;

function lifted(head: HeadModel, pts: Float32Array): Float32Array {
  const c = head.chart.centerMm;
  const out = new Float32Array(pts.length);
  for (let k = 0; k < pts.length; k += 3) {
    const dx = pts[k] - c[0],
      dy = pts[k + 1] - c[1],
      dz = pts[k + 2] - c[2];
    const l = Math.hypot(dx, dy, dz) || 1;
    out[k] = pts[k] + (dx / l) * LIFT_MM;
    out[k + 1] = pts[k + 1] + (dy / l) * LIFT_MM;
    out[k + 2] = pts[k + 2] + (dz / l) * LIFT_MM;
  }
  return out;
}

export function Polyline({ points, color, head }: { points: Float32Array; color: string; head: HeadModel }) {
  const geometry = useMemo(() => new BufferGeometry().setAttribute('position', new BufferAttribute(lifted(head, points), 3)), [points, head]);
  const material = useMemo(() => new LineBasicMaterial({ color, toneMapped: false }), [color]);
  const line = useMemo(() => new UnpickableLine(geometry, material), [geometry, material]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);
  return <primitive object={line} renderOrder={3} />;
}

/** A line that pointer picking passes through. */
class UnpickableLine extends Line {
  override raycast(): void {}
}

const sphere = new SphereGeometry(1, 16, 12);
const handleMaterial = new MeshBasicMaterial({ color: '#1f6feb', toneMapped: false });
const fixedMaterial = new MeshBasicMaterial({ color: '#8a93a3', toneMapped: false });
const guideMaterial = new MeshBasicMaterial({ color: '#e07b00', toneMapped: false });
const draftMaterial = new MeshBasicMaterial({ color: '#b3261e', toneMapped: false });

const raycaster = new Raycaster();
const ndc = new Vector2();

type Camera = Parameters<Raycaster['setFromCamera']>[1];

/** The point of the head under a pointer (mm) and the surface's normal there; null off the head. */
export function pickHeadHit(e: { clientX: number; clientY: number }, canvas: HTMLElement, camera: Camera, head: Object3D | undefined): { at: Vec3; normal: Vec3 } | null {
  if (!head) return null;
  const r = canvas.getBoundingClientRect();
  ndc.set(((e.clientX - r.left) / r.width) * 2 - 1, -((e.clientY - r.top) / r.height) * 2 + 1);
  raycaster.setFromCamera(ndc, camera);
  const hit = raycaster.intersectObject(head, false)[0];
  if (!hit) return null;
  const p = hit.point.clone().divideScalar(MM_TO_SCENE);
  // The head's group only scales, so the face normal in its space is the world's direction.
  const n = hit.face?.normal ?? { x: 0, y: 1, z: 0 };
  return { at: [p.x, p.y, p.z], normal: [n.x, n.y, n.z] };
}

function pickHead(e: { clientX: number; clientY: number }, canvas: HTMLElement, camera: Camera, head: Object3D | undefined): Vec3 | null {
  return pickHeadHit(e, canvas, camera, head)?.at ?? null;
}

/** A needle dot every this many ms at most while the pointer is held and moving: about what a
 * hand tapping a rotary machine places (assumed). */
const NEEDLE_INTERVAL_MS = 120;

/** Places the trainee's dots: a click places one, a press-and-drag one per needle interval along
 * the stroke; a pen's pressure (where reported) makes the dot 0.8-1.2 times the needle. */
function placeStroke(e: PointerEvent, canvas: HTMLElement, camera: Camera, head: () => Object3D | undefined, onPending: (dots: PlacedDot[]) => void): void {
  const exercise = exerciseById(useTraining.getState().exerciseId);
  const first = pickHead(e, canvas, camera, head());
  if (!exercise || !first) return;
  const size = (ev: PointerEvent) => exercise.needleDiameterMm * (ev.pointerType === 'pen' && ev.pressure > 0 ? 0.8 + 0.4 * ev.pressure : 1);
  const dots: PlacedDot[] = [{ positionMm: first, diameterMm: size(e), timeMs: performance.now() }];
  onPending(dots.slice());
  const move = (ev: PointerEvent) => {
    const last = dots[dots.length - 1];
    if (performance.now() - last.timeMs < NEEDLE_INTERVAL_MS) return;
    const q = pickHead(ev, canvas, camera, head());
    if (!q || Math.hypot(q[0] - last.positionMm[0], q[1] - last.positionMm[1], q[2] - last.positionMm[2]) < 0.3) return;
    dots.push({ positionMm: q, diameterMm: size(ev), timeMs: performance.now() });
    onPending(dots.slice());
  };
  const up = () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', up);
    onPending([]);
    training.place(dots);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', up);
}

export function HeadTools({ head }: { head: HeadModel }) {
  const tool = useAppStore((s) => s.tool);
  const hairline = useAppStore((s) => s.design.hairline);
  const seed = useAppStore((s) => s.design.seed);
  const showGuides = useAppStore((s) => s.showGuides);
  const scarDraft = useAppStore((s) => s.scarDraft);
  const { camera, gl, scene, controls, invalidate } = useThree();
  const [draft, setDraft] = useState<Hairline | null>(null);
  const [stroke, setStroke] = useState<Vec3[]>([]);
  const [pending, setPending] = useState<PlacedDot[]>([]);
  const shown = draft ?? hairline;
  const showLine = tool === 'hairline' || showGuides;

  // With a tool, the left button (one finger) belongs to the tool, the right (two) turns.
  useEffect(() => {
    const c = controls as unknown as { mouseButtons: Record<string, number | null>; touches: Record<string, number | null> } | null;
    if (!c) return;
    const drawing = tool !== 'orbit';
    c.mouseButtons.LEFT = drawing ? null : MOUSE.ROTATE;
    c.mouseButtons.RIGHT = drawing ? MOUSE.ROTATE : MOUSE.PAN;
    c.touches.ONE = drawing ? null : TOUCH.ROTATE;
    return () => {
      c.mouseButtons.LEFT = MOUSE.ROTATE;
      c.mouseButtons.RIGHT = MOUSE.PAN;
      c.touches.ONE = TOUCH.ROTATE;
    };
  }, [tool, controls]);

  const polyline = useMemo(() => (showLine ? hairlinePolyline(head, shown, seed) : null), [showLine, head, shown, seed]);
  const handles = useMemo(() => (tool === 'hairline' ? hairlineHandles(head, shown) : []), [tool, head, shown]);
  const guides = useMemo(() => (showGuides ? hairlineGuides(head, shown) : null), [showGuides, head, shown]);

  // Presses on the head: the brush paints, the scar outline takes a point. The canvas is listened
  // to directly and the head picked only on a press, so moving the pointer costs nothing.
  const strokeRef = useRef<Vec3[]>([]);
  useEffect(() => {
    const canvas = gl.domElement;
    const headMesh = () => scene.getObjectByName('head');
    const down = (e: PointerEvent) => {
      const { tool: t, brush, scarDraft: d, actions } = useAppStore.getState();
      if (t === 'orbit' || t === 'hairline' || e.button !== 0) return;
      if (t === 'place') {
        placeStroke(e, canvas, camera, headMesh, (dots) => {
          setPending(dots);
          invalidate();
        });
        return;
      }
      const at = pickHead(e, canvas, camera, headMesh());
      if (!at) return;
      if (t === 'scar') {
        actions.setScarDraft([...d, at]);
        invalidate();
        return;
      }
      // Brush: a dab now and one every half radius along the drag, all committed at the end.
      strokeRef.current = [at];
      setStroke([at]);
      const spacing = brush.radiusMm / 2;
      const move = (ev: PointerEvent) => {
        const q = pickHead(ev, canvas, camera, headMesh());
        const last = strokeRef.current[strokeRef.current.length - 1];
        if (!q || Math.hypot(q[0] - last[0], q[1] - last[1], q[2] - last[2]) < spacing) return;
        strokeRef.current = [...strokeRef.current, q];
        setStroke(strokeRef.current);
        invalidate();
      };
      const up = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', up);
        const dabs = strokeRef.current.map((centerMm) => ({ centerMm, radiusMm: brush.radiusMm, mode: brush.mode }));
        strokeRef.current = [];
        setStroke([]);
        if (dabs.length) actions.addHairCorrections(dabs);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', up);
    };
    canvas.addEventListener('pointerdown', down);
    return () => canvas.removeEventListener('pointerdown', down);
  }, [gl, scene, camera, invalidate]);

  // Dragging a hairline handle: follows the pointer over the head, held where the design
  // must stop (the reason is shown once the drag ends); one history step on release.
  const startDrag = (h: HairlineHandle, e: ThreeEvent<PointerEvent>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    const canvas = gl.domElement;
    const start = useAppStore.getState().design.hairline;
    let current = start;
    let warning: string | null = null;
    const move = (ev: PointerEvent) => {
      const q = pickHead(ev, canvas, camera, scene.getObjectByName('head'));
      if (!q) {
        warning = 'The handle was dragged off the head; it is held at the last point on the scalp.';
        return;
      }
      const r = moveHandle(head, start, h.id, q);
      current = r.hairline;
      warning = r.warning;
      setDraft(current);
      invalidate();
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      setDraft(null);
      const { actions } = useAppStore.getState();
      if (current !== start) actions.setHairline(current);
      if (warning) actions.showError(warning, 'hairline-handle');
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  };

  const radius = (h: HairlineHandle) => (h.fixed ? 2.2 : 3);
  return (
    <group name="head-tools">
      {polyline && <Polyline points={polyline} color={tool === 'hairline' ? '#1f6feb' : '#3b82f6'} head={head} />}
      {handles.map((h) => (
        <mesh
          key={h.id}
          name={`handle-${h.id}`}
          geometry={sphere}
          material={h.fixed ? fixedMaterial : handleMaterial}
          position={h.positionMm}
          scale={radius(h)}
          renderOrder={4}
          onPointerDown={(e) => (h.fixed ? undefined : startDrag(h, e))}
        />
      ))}
      {guides && (
        <group name="guides">
          <Polyline points={guides.heightScale} color="#e07b00" head={head} />
          {guides.eyeVerticals.map((v) => (
            <Polyline key={v.side} points={v.polyline} color="#e07b00" head={head} />
          ))}
          <mesh geometry={sphere} material={guideMaterial} position={guides.glabellaMm} scale={1.6} />
          {guides.heightMarks.map((m) => (
            <group key={m.heightMm} position={m.positionMm}>
              <mesh geometry={sphere} material={guideMaterial} scale={1.4} />
              <Html className="guide-label" pointerEvents="none" zIndexRange={[20, 10]}>
                {m.heightMm / 10} cm
              </Html>
            </group>
          ))}
          {guides.templePeaks.map((t) => (
            <mesh key={t.side} geometry={sphere} material={guideMaterial} position={t.positionMm} scale={1.4} />
          ))}
        </group>
      )}
      {pending.map((p, k) => (
        <mesh key={`p${k}`} geometry={sphere} material={draftMaterial} position={p.positionMm} scale={p.diameterMm / 2} />
      ))}
      {stroke.map((p, k) => (
        <mesh key={k} geometry={sphere} material={draftMaterial} position={p} scale={0.8} />
      ))}
      {tool === 'scar' && scarDraft.map((p, k) => <mesh key={k} geometry={sphere} material={draftMaterial} position={p} scale={1} />)}
      {tool === 'scar' && scarDraft.length >= 2 && <Polyline points={Float32Array.from([...scarDraft.flat(), ...scarDraft[0]])} color="#b3261e" head={head} />}
    </group>
  );
}

/** Training mode on the head: the exercise's region, the trainee's dots (or, during a replay, the
 * first of them), the dots already there, the model answer, and the heat map of the score. Few
 * objects (thousands of dots at most), drawn as instanced discs lying on the surface. */
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { CircleGeometry, Color, DoubleSide, InstancedMesh, Matrix4, MeshBasicMaterial, PlaneGeometry, Quaternion, Vector3 } from 'three';
import { existingDots, exerciseById, GAP, MERGE, modelAnswer, resolveRegion, type HeadModel, type TrainingScore } from '../model';
import { useAppStore } from '../state/store';
import { useTraining } from '../state/training';
import { ScalpSurface } from '../model';
import { Polyline } from './HeadTools';

const disc = new CircleGeometry(0.5, 18);
const cell = new PlaneGeometry(1, 1);
const Z = new Vector3(0, 0, 1);
const m = new Matrix4();
const q = new Quaternion();
const n = new Vector3();
const p = new Vector3();
const s = new Vector3();

/** Discs of `diameters` at `positions` on the head, lying along its surface. */
function Discs({ head, positions, diameters, count, colour, name }: { head: HeadModel; positions: Float32Array; diameters: ArrayLike<number>; count: number; colour: string; name: string }) {
  const invalidate = useThree((st) => st.invalidate);
  const mesh = useMemo(() => {
    const material = new MeshBasicMaterial({ color: colour, toneMapped: false, polygonOffset: true, polygonOffsetFactor: -4, side: DoubleSide });
    const im = new InstancedMesh(disc, material, Math.max(1, positions.length / 3));
    im.name = name;
    im.frustumCulled = false;
    return im;
  }, [positions.length, colour, name]);
  useEffect(() => () => (mesh.material as MeshBasicMaterial).dispose(), [mesh]);
  useLayoutEffect(() => {
    const surface = surfaceOf(head);
    for (let i = 0; i < count; i++) {
      surface.project(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
      n.set(surface.nx, surface.ny, surface.nz);
      q.setFromUnitVectors(Z, n);
      p.set(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]).addScaledVector(n, 0.05);
      const d = diameters[i];
      m.compose(p, q, s.set(d, d, d));
      mesh.setMatrixAt(i, m);
    }
    mesh.count = count;
    mesh.instanceMatrix.needsUpdate = true;
    invalidate();
  }, [mesh, head, positions, diameters, count, invalidate]);
  return <primitive object={mesh} renderOrder={5} />;
}

const surfaces = new WeakMap<HeadModel['chart'], ScalpSurface>();
function surfaceOf(head: HeadModel): ScalpSurface {
  let sf = surfaces.get(head.chart);
  if (!sf) surfaces.set(head.chart, (sf = new ScalpSurface(head.chart)));
  return sf;
}

const UNDER_COLOUR = new Color('#2563eb');
const OVER_COLOUR = new Color('#dc2626');
const GAP_COLOUR = new Color('#f59e0b');
const MERGE_COLOUR = new Color('#c026d3');
const OK_COLOUR = new Color('#16a34a');

/** The score's cells: blue too few dots, red too many, orange a gap, magenta merged dots. */
function HeatMap({ score }: { score: TrainingScore }) {
  const invalidate = useThree((st) => st.invalidate);
  const h = score.heatMap;
  const count = h.value.length;
  const mesh = useMemo(() => {
    const material = new MeshBasicMaterial({ transparent: true, opacity: 0.42, depthWrite: false, toneMapped: false, polygonOffset: true, polygonOffsetFactor: -2, side: DoubleSide });
    const im = new InstancedMesh(cell, material, Math.max(1, count));
    im.name = 'training-heat-map';
    im.frustumCulled = false;
    return im;
  }, [count]);
  useEffect(() => () => (mesh.material as MeshBasicMaterial).dispose(), [mesh]);
  useLayoutEffect(() => {
    // Cells are about 5 mm: the spacing between neighbouring centres.
    const size = count > 1 ? Math.hypot(h.centersMm[3] - h.centersMm[0], h.centersMm[4] - h.centersMm[1], h.centersMm[5] - h.centersMm[2]) * 0.94 : 5;
    const c = new Color();
    for (let i = 0; i < count; i++) {
      n.set(h.normals[3 * i], h.normals[3 * i + 1], h.normals[3 * i + 2]).normalize();
      q.setFromUnitVectors(Z, n);
      p.set(h.centersMm[3 * i], h.centersMm[3 * i + 1], h.centersMm[3 * i + 2]).addScaledVector(n, 0.1);
      m.compose(p, q, s.set(size, size, 1));
      mesh.setMatrixAt(i, m);
      const f = h.flags[i];
      const v = h.value[i];
      if (f & MERGE) c.copy(MERGE_COLOUR);
      else if (f & GAP) c.copy(GAP_COLOUR);
      else if (Math.abs(v) < 0.2) c.copy(OK_COLOUR);
      else c.copy(v < 0 ? UNDER_COLOUR : OVER_COLOUR);
      mesh.setColorAt(i, c);
    }
    mesh.count = count;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    invalidate();
  }, [mesh, h, count, invalidate]);
  return <primitive object={mesh} renderOrder={4} />;
}

export function TrainingLayer({ head }: { head: HeadModel }) {
  const mode = useAppStore((st) => st.mode);
  const exerciseId = useTraining((st) => st.exerciseId);
  const placed = useTraining((st) => st.placed);
  const replayCount = useTraining((st) => st.replayCount);
  const showAnswer = useTraining((st) => st.showAnswer);
  const showHeat = useTraining((st) => st.showHeat);
  const score = useTraining((st) => st.score);
  const invalidate = useThree((st) => st.invalidate);
  const exercise = exerciseById(exerciseId)!;
  const region = useMemo(() => resolveRegion(head, exercise), [head, exercise]);
  const existing = useMemo(() => existingDots(head, exercise), [head, exercise]);
  const answer = useMemo(() => (showAnswer ? modelAnswer(head, exercise, existing) : null), [showAnswer, head, exercise, existing]);
  const outline = useMemo(() => {
    const pts: number[] = [];
    const corners: [number, number][] = [
      [region.uMinMm, region.vMinMm],
      [region.uMaxMm, region.vMinMm],
      [region.uMaxMm, region.vMaxMm],
      [region.uMinMm, region.vMaxMm],
      [region.uMinMm, region.vMinMm],
    ];
    const sf = region.surface;
    for (let k = 0; k < 4; k++) {
      for (let t = 0; t <= 1; t += 1 / 24) {
        const u = corners[k][0] + (corners[k + 1][0] - corners[k][0]) * t;
        const v = corners[k][1] + (corners[k + 1][1] - corners[k][1]) * t;
        const x = region.center[0] + u * region.uDir[0] + v * region.vDir[0];
        const y = region.center[1] + u * region.uDir[1] + v * region.vDir[1];
        const z = region.center[2] + u * region.uDir[2] + v * region.vDir[2];
        if (sf.project(x, y, z)) pts.push(sf.x, sf.y, sf.z);
      }
    }
    return Float32Array.from(pts);
  }, [region]);
  const mine = useMemo(() => {
    const pos = new Float32Array(placed.length * 3);
    placed.forEach((d, i) => pos.set(d.positionMm, 3 * i));
    return { positions: pos, diameters: placed.map((d) => d.diameterMm) };
  }, [placed]);
  // Dots closer than the needle allows, in red: where the ink would blow out into one blot.
  const merged = useMemo(() => {
    const flags = score?.mergedPlaced;
    if (!flags || flags.length !== placed.length) return null;
    const idx = placed.flatMap((_, i) => (flags[i] ? [i] : []));
    if (!idx.length) return null;
    const pos = new Float32Array(idx.length * 3);
    idx.forEach((i, k) => pos.set(placed[i].positionMm, 3 * k));
    return { positions: pos, diameters: idx.map((i) => placed[i].diameterMm * 1.6) };
  }, [score, placed]);
  useEffect(() => invalidate(), [mode, showAnswer, showHeat, score, replayCount, invalidate]);
  if (mode !== 'training') return null;
  return (
    <group name="training">
      <Polyline points={outline} color="#0f766e" head={head} />
      {existing && <Discs head={head} name="training-existing" positions={existing.positionsMm} diameters={existing.diameterMm} count={existing.diameterMm.length} colour="#475569" />}
      {answer && <Discs head={head} name="training-answer" positions={answer.positionsMm} diameters={answer.diameterMm} count={answer.diameterMm.length} colour="#16a34a" />}
      <Discs head={head} name="training-placed" positions={mine.positions} diameters={mine.diameters} count={replayCount ?? placed.length} colour="#111827" />
      {merged && replayCount === null && <Discs head={head} name="training-merged" positions={merged.positions} diameters={merged.diameters} count={merged.diameters.length} colour="#dc2626" />}
      {showHeat && score && replayCount === null && <HeatMap score={score} />}
    </group>
  );
}

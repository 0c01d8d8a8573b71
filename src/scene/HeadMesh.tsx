import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { PerspectiveCamera, Vector3, type Mesh } from 'three';
import { hairLab, labToLinearRgb, LOD_CELL_MM, skinLab } from '../model';
import { headBufferGeometry, headLidTexture, headLodGeometry } from '../render/headGeometry';
import { MM_TO_SCENE } from '../render/units';
import { SkinMaterial } from '../render/skinMaterial';
import { useAppStore } from '../state/store';
import { DotLayers } from './DotLayers';
import { Eyes } from './Eyes';
import { ScalpLookLayer } from './ScalpLookLayer';
import { HeadTools } from './HeadTools';
import { TrainingLayer } from './TrainingLayer';
import { disposeUnlessLost, sceneState } from './sceneState';

/** A coarse cell may span at most this many device pixels before the full head is drawn. */
export const LOD_MAX_CELL_PX = 8;
const centre = new Vector3();

/** The head: geometry rebuilt only when a new head arrives; skin colour and the region overlay
 * only change the material's colour and uniforms. From afar a coarser head is drawn (its cells
 * a few pixels wide, see model/head/lod.ts). Children share its millimetre space. */
export function HeadMesh() {
  const head = useAppStore((s) => s.head);
  const showRegion = useAppStore((s) => s.showRegion);
  const invalidate = useThree((s) => s.invalidate);
  const glEpoch = useAppStore((s) => s.glEpoch);
  // GPU objects are made afresh when a lost context returns (glEpoch), see disposeUnlessLost.
  const material = useMemo(() => new SkinMaterial(), [glEpoch]);
  const geometry = useMemo(() => (head ? headBufferGeometry(head) : null), [head, glEpoch]);
  const coarse = useMemo(() => (head ? headLodGeometry(head) : null), [head, glEpoch]);
  const lidMap = useMemo(() => (head ? headLidTexture(head) : null), [head, glEpoch]);
  const mesh = useRef<Mesh>(null);

  useEffect(() => () => disposeUnlessLost(glEpoch, material), [material, glEpoch]);
  useEffect(() => () => disposeUnlessLost(glEpoch, geometry), [geometry, glEpoch]);
  useEffect(() => () => disposeUnlessLost(glEpoch, coarse), [coarse, glEpoch]);
  useEffect(() => () => disposeUnlessLost(glEpoch, lidMap), [lidMap, glEpoch]);

  useFrame(({ camera, size, viewport }) => {
    const m = mesh.current;
    const sphere = geometry?.boundingSphere;
    if (!m || !geometry || !coarse || !sphere || !(camera instanceof PerspectiveCamera)) return;
    // Pixels per millimetre at the nearer half of the head.
    centre.copy(sphere.center).multiplyScalar(MM_TO_SCENE);
    const distance = Math.max(1e-3, camera.position.distanceTo(centre) - 0.5 * sphere.radius * MM_TO_SCENE);
    const pxPerMm = (size.height * viewport.dpr * MM_TO_SCENE) / ((2 * Math.tan((camera.fov * Math.PI) / 360) * distance) / camera.zoom);
    m.geometry = pxPerMm * LOD_CELL_MM <= LOD_MAX_CELL_PX ? coarse : geometry;
  });

  useLayoutEffect(() => {
    if (!head) return;
    material.setChart(head.chart);
    material.setFace(head, lidMap);
    sceneState.meshHead = head;
    sceneState.headGeometry = geometry;
    sceneState.headLodGeometry = coarse;
    invalidate();
  }, [head, geometry, coarse, lidMap, material, invalidate]);

  useLayoutEffect(() => {
    material.setRegionVisible(showRegion);
    invalidate();
  }, [showRegion, material, invalidate]);

  // Skin and hair (the brows') colour without re-rendering React: a transient subscription.
  useEffect(() => {
    let { skin, hair } = useAppStore.getState().design;
    material.setSkinColor(labToLinearRgb(skinLab(skin)));
    material.setBrowColor(labToLinearRgb(hairLab(hair)));
    invalidate();
    return useAppStore.subscribe((s) => {
      if (s.design.skin === skin && s.design.hair === hair) return;
      ({ skin, hair } = s.design);
      material.setSkinColor(labToLinearRgb(skinLab(skin)));
      material.setBrowColor(labToLinearRgb(hairLab(hair)));
      invalidate();
    });
  }, [material, invalidate]);

  if (!geometry || !head) return null;
  return (
    <>
      <mesh ref={mesh} name="head" geometry={geometry} material={material} />
      <Eyes head={head} lidMap={lidMap} />
      <HeadTools head={head} />
      <TrainingLayer head={head} />
      <ScalpLookLayer material={material} head={head} />
      <DotLayers material={material} head={head} />
    </>
  );
}

import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import { labToHex, skinLab } from '../model';
import { headBufferGeometry } from '../render/headGeometry';
import { SkinMaterial } from '../render/skinMaterial';
import { useAppStore } from '../state/store';
import { disposeUnlessLost, sceneState } from './sceneState';

/** The head: geometry rebuilt only when a new head arrives; skin colour and the region overlay
 * only change the material's colour and uniforms. Children share its millimetre space. */
export function HeadMesh() {
  const head = useAppStore((s) => s.head);
  const showRegion = useAppStore((s) => s.showRegion);
  const invalidate = useThree((s) => s.invalidate);
  const glEpoch = useAppStore((s) => s.glEpoch);
  // GPU objects are made afresh when a lost context returns (glEpoch), see disposeUnlessLost.
  const material = useMemo(() => new SkinMaterial(), [glEpoch]);
  const geometry = useMemo(() => (head ? headBufferGeometry(head) : null), [head, glEpoch]);

  useEffect(() => () => disposeUnlessLost(glEpoch, material), [material, glEpoch]);
  useEffect(() => () => disposeUnlessLost(glEpoch, geometry), [geometry, glEpoch]);

  useLayoutEffect(() => {
    if (!head) return;
    material.setChart(head.chart);
    sceneState.meshHead = head;
    invalidate();
  }, [head, material, invalidate]);

  useLayoutEffect(() => {
    material.setRegionVisible(showRegion);
    invalidate();
  }, [showRegion, material, invalidate]);

  // Skin colour without re-rendering React: a transient subscription to the store.
  useEffect(() => {
    let skin = useAppStore.getState().design.skin;
    material.setSkinHex(labToHex(skinLab(skin)));
    invalidate();
    return useAppStore.subscribe((s) => {
      if (s.design.skin === skin) return;
      skin = s.design.skin;
      material.setSkinHex(labToHex(skinLab(skin)));
      invalidate();
    });
  }, [material, invalidate]);

  if (!geometry) return null;
  return <mesh name="head" geometry={geometry} material={material} castShadow receiveShadow />;
}

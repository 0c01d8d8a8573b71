/** The leva panel of the view settings, loaded the first time they are opened (ViewSettings.tsx):
 * leva and what it brings (about 150 kB) are not needed for the first picture. */
import { useEffect } from 'react';
import { folder, LevaPanel, useControls, useCreateStore } from 'leva';
import { useAppStore } from '../state/store';

/** leva theme matched to the app's light panels. */
const THEME = {
  colors: {
    elevation1: '#eef1f5',
    elevation2: '#ffffff',
    elevation3: '#e3e8ef',
    accent1: '#2563d0',
    accent2: '#2a62c4',
    accent3: '#1f4f9f',
    highlight1: '#5d6878',
    highlight2: '#2b3340',
    highlight3: '#11161d',
    vivid1: '#d9822b',
  },
  sizes: { rootWidth: '100%', controlWidth: '60%', rowHeight: '30px', numberInputMinWidth: '52px' },
  fontSizes: { root: '12px' },
};

/** Viewing parameters (guides, lighting, exposure) in a leva panel; the store stays the source of truth. */
export function ViewSettingsLeva() {
  const levaStore = useCreateStore();
  const actions = useAppStore((s) => s.actions);
  // Opened later than the store was made: start from what is in force.
  const lighting = useAppStore.getState().lighting;
  const [, setControls] = useControls(
    () => ({
      Guides: folder({
        landmarks: {
          label: 'Landmarks',
          value: useAppStore.getState().showLandmarks,
          onChange: (v: boolean) => actions.setShowLandmarks(v),
        },
        region: {
          label: 'Hair region',
          value: useAppStore.getState().showRegion,
          onChange: (v: boolean) => actions.setShowRegion(v),
        },
      }),
      Lighting: folder({
        exposure: { label: 'Exposure', value: lighting.exposure, min: 0.4, max: 2, step: 0.05, onChange: (v: number) => actions.setLighting({ exposure: v }) },
        key: { label: 'Key', value: lighting.key, min: 0, max: 6, step: 0.1, onChange: (v: number) => actions.setLighting({ key: v }) },
        fill: { label: 'Fill', value: lighting.fill, min: 0, max: 3, step: 0.05, onChange: (v: number) => actions.setLighting({ fill: v }) },
        rim: { label: 'Rim', value: lighting.rim, min: 0, max: 4, step: 0.1, onChange: (v: number) => actions.setLighting({ rim: v }) },
        environment: {
          label: 'Ambient',
          value: lighting.environment,
          min: 0,
          max: 2,
          step: 0.05,
          onChange: (v: number) => actions.setLighting({ environment: v }),
        },
      }),
    }),
    { store: levaStore },
  );

  // leva's types lose the keys inside folders.
  const set = setControls as (values: { landmarks?: boolean; region?: boolean }) => void;

  // Toggles changed elsewhere (the Training panel, a mode switch) show up here too.
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (s.showLandmarks !== prev.showLandmarks) set({ landmarks: s.showLandmarks });
        if (s.showRegion !== prev.showRegion) set({ region: s.showRegion });
      }),
    [set],
  );

  return <LevaPanel store={levaStore} fill flat titleBar={false} hideCopyButton theme={THEME} />;
}

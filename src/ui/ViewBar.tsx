import { UndoRedo } from './UndoRedo';
import { CAMERA_PRESETS, useAppStore, type CameraPreset } from '../state/store';

const LABELS: Record<CameraPreset, { text: string; title: string }> = {
  front: { text: 'Front', title: 'Face on' },
  left: { text: 'Left', title: "The client's left side" },
  right: { text: 'Right', title: "The client's right side" },
  back: { text: 'Back', title: 'The back of the head' },
  top: { text: 'Top', title: 'From above' },
};

/** Camera presets, available in every mode. */
export function ViewBar() {
  const view = useAppStore((s) => s.view);
  const actions = useAppStore((s) => s.actions);
  return (
    <div className="view-bar">
      <UndoRedo />
      <div className="view-presets" role="toolbar" aria-label="Camera views">
        {CAMERA_PRESETS.map((p) => (
          <button key={p} type="button" data-testid={`view-${p}`} aria-pressed={view === p} title={LABELS[p].title} onClick={() => actions.goTo(p)}>
            {LABELS[p].text}
          </button>
        ))}
        <button type="button" data-testid="view-working-distance" aria-pressed={false} title="The crown from about 18 cm, as over the client's head" onClick={() => actions.goTo('working-distance')}>
          Close-up
        </button>
      </div>
    </div>
  );
}

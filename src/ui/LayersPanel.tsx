/** The design's sessions (layers of dots) and its hairline, with the dot readout. */
import { useId } from 'react';
import { designSchema, MAX_LAYERS } from '../model';
import { canAddLayer } from '../state/layers';
import { useAppStore } from '../state/store';
import { DotReadout } from './DotReadout';
import { Field, NumberInput, Slider } from './fields';
import { LayerRow } from './LayerRow';
import { HairlineDesigner } from './HairlineDesigner';

const HAIRLINE = designSchema.shape.hairline.shape;
type HairlineKey = keyof typeof HAIRLINE;
const same = (x: number) => x;
const mm1 = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 10) / 10) : String(x));

function HairlineControls() {
  const id = useId();
  const hairline = useAppStore((s) => s.design.hairline);
  const errorField = useAppStore((s) => s.error?.field ?? null);
  const actions = useAppStore((s) => s.actions);

  const set = (key: HairlineKey, value: number) => {
    const result = HAIRLINE[key].safeParse(value);
    if (!result.success) {
      actions.showError(result.error.issues[0]?.message ?? 'Invalid hairline value', `hairline-${key}`);
      return;
    }
    actions.setHairline({ [key]: value });
  };
  const invalid = (key: HairlineKey) => errorField === `hairline-${key}`;
  const height = hairline.midFrontalHeightMm;

  return (
    <div className="hairline-controls">
      <h4 className="subhead">Hairline</h4>
      <Field
        id={`${id}-height`}
        label="Height above the glabella"
        unit="mm"
        hintId={`${id}-height-help`}
        hint={<>60–120 mm, mid-front, along the forehead: 7 cm aggressive … 8 cm common … 10 cm conservative (Shapiro 2013, Garg 2017; SCIENCE.md §4).</>}
      >
        <div className="slider-row">
          <Slider
            testId="hairline-height-slider"
            label="Hairline height, slider"
            value={height}
            toPosition={Math.round}
            fromPosition={same}
            min={60}
            max={120}
            step={1}
            valueText={(s) => `${s} millimetres${s <= 72 ? ', aggressive' : s >= 98 ? ', conservative' : ''}`}
            describedBy={`${id}-height-help`}
            onCommit={(v) => set('midFrontalHeightMm', v)}
          />
          <NumberInput
            id={`${id}-height`}
            testId="hairline-height"
            value={height}
            min={60}
            max={120}
            step={1}
            format={mm1}
            invalid={invalid('midFrontalHeightMm')}
            describedBy={`${id}-height-help${invalid('midFrontalHeightMm') ? ' app-error' : ''}`}
            onCommit={(v) => set('midFrontalHeightMm', v)}
          />
        </div>
      </Field>
      <Field
        id={`${id}-transition`}
        label="Transition width"
        unit="mm"
        hintId={`${id}-transition-help`}
        hint="2–30 mm over which the density builds from a sparse, feathered band at the hairline to full: wider looks softer."
      >
        <div className="slider-row">
          <Slider
            testId="hairline-transition-slider"
            label="Transition width, slider"
            value={hairline.transitionMm}
            toPosition={Math.round}
            fromPosition={same}
            min={2}
            max={30}
            step={1}
            valueText={(s) => `${s} millimetres`}
            describedBy={`${id}-transition-help`}
            onCommit={(v) => set('transitionMm', v)}
          />
          <NumberInput
            id={`${id}-transition`}
            testId="hairline-transition"
            value={hairline.transitionMm}
            min={2}
            max={30}
            step={1}
            format={mm1}
            invalid={invalid('transitionMm')}
            describedBy={`${id}-transition-help${invalid('transitionMm') ? ' app-error' : ''}`}
            onCommit={(v) => set('transitionMm', v)}
          />
        </div>
      </Field>
      <HairlineDesigner />
    </div>
  );
}

export function LayersPanel() {
  const id = useId();
  const layers = useAppStore((s) => s.design.layers);
  const canAdd = useAppStore((s) => canAddLayer(s.design));
  const actions = useAppStore((s) => s.actions);

  return (
    <fieldset className="group layers" data-testid="layers">
      <legend>Sessions and dots</legend>
      <DotReadout />
      <p className="note layers-intro">
        One layer of dots per session, 2–4 sessions, lighter first (SCIENCE.md §1). Shade and visibility only re-colour; density, size, irregularity and the hairline make new dots.
      </p>
      <div className="layer-list">
        {layers.map((layer, k) => (
          <LayerRow key={layer.id} layer={layer} index={k} count={layers.length} />
        ))}
      </div>
      <button type="button" className="secondary add-layer" data-testid="add-layer" disabled={!canAdd} aria-describedby={canAdd ? undefined : `${id}-add-help`} onClick={() => actions.addLayer()}>
        + Add session
      </button>
      {!canAdd && (
        <small id={`${id}-add-help`} className="help add-layer-help">
          A design has at most {MAX_LAYERS} sessions; remove one to add another.
        </small>
      )}
      <HairlineControls />
    </fieldset>
  );
}

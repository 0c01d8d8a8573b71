/** One session (layer) of dots: its name, visibility, density, dot size, shade, irregularity and
 * how far its front edge sits behind the hairline. */
import { useId, useState } from 'react';
import { labToHex, layerInkLab, nearestShade, shadeConcentration, skinLab, type Layer, type PigmentTone } from '../model';
import { useAppStore } from '../state/store';
import { Field, NumberInput, Slider } from './fields';
import { DENSITY, DIAMETER, densityToSlider, layerFieldError, maxDensityFor, maxDiameterFor, sliderToDensity } from './layerLimits';

const int = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : String(x));
const mm2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : String(x));
const mm1 = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 10) / 10) : String(x));
const pct = (x: number) => `${Math.round(x * 100)} %`;
const toPercent = (x: number) => Math.round(x * 100);
const fromPercent = (p: number) => p / 100;

/** The named shade nearest a ladder position, with its dilution: "Dark grey, 1:2". */
function shadeWords(position: number, tone: PigmentTone): string {
  const shade = nearestShade(position, tone);
  return `${shade.name}, ${shade.dilution}`;
}

/** A healed dot of this colour on this skin, for the swatch. */
function dotSwatchStyle(inkHex: string, skinHex: string) {
  return { background: skinHex, backgroundImage: `radial-gradient(circle, ${inkHex} 0 38%, transparent 44%)` };
}

type Key = 'densityPerCm2' | 'diameterMm' | 'shade' | 'irregularity' | 'hairlineOffsetMm';
/** The suffix of the error field that marks a control invalid: layer-<id>-<suffix>. */
const FIELD: Record<Key, string> = {
  densityPerCm2: 'density',
  diameterMm: 'diameter',
  shade: 'shade',
  irregularity: 'irregularity',
  hairlineOffsetMm: 'offset',
};

export function LayerRow({ layer, index, count }: { layer: Layer; index: number; count: number }) {
  const id = useId();
  const { id: lid } = layer;
  const actions = useAppStore((s) => s.actions);
  const errorField = useAppStore((s) => s.error?.field ?? null);
  const skinHex = useAppStore((s) => labToHex(skinLab(s.design.skin)));
  const tone = useAppStore((s) => s.design.pigment.tone);
  const inkHex = useAppStore((s) => labToHex(layerInkLab(s.design, layer)));
  const [nameText, setNameText] = useState<string | null>(null);

  const merging = errorField === `layer-${lid}`;
  const invalid = (key: string) => errorField === `layer-${lid}-${key}` || ((key === 'density' || key === 'diameter') && merging);

  /** Out-of-range values are refused with the schema's message; the store refuses merging ones. */
  const set = (key: Key, value: number) => {
    const problem = layerFieldError(key, value);
    if (problem) {
      actions.showError(`${layer.name || `Session ${index + 1}`}: ${problem}`, `layer-${lid}-${FIELD[key]}`);
      return;
    }
    actions.updateLayer(lid, { [key]: value });
  };

  const maxDensity = maxDensityFor(layer.diameterMm);
  const maxDiameter = maxDiameterFor(layer.densityPerCm2);
  const commitName = () => {
    if (nameText !== null && nameText !== layer.name) actions.updateLayer(lid, { name: nameText.slice(0, 60) });
    setNameText(null);
  };
  const title = layer.name || `Session ${index + 1}`;

  return (
    <div className={layer.visible ? 'layer' : 'layer layer-hidden'} data-testid={`layer-${lid}`} role="group" aria-label={title}>
      <div className="layer-head">
        <span className="layer-index" aria-hidden="true">
          {index + 1}
        </span>
        <input
          type="text"
          className="layer-name"
          aria-label={`Name of session ${index + 1}`}
          data-testid={`layer-${lid}-name`}
          maxLength={60}
          value={nameText ?? layer.name}
          onChange={(e) => setNameText(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitName();
            else if (e.key === 'Escape') setNameText(null);
          }}
        />
        <label className="check layer-visible" htmlFor={`${id}-visible`}>
          <input id={`${id}-visible`} type="checkbox" data-testid={`layer-${lid}-visible`} checked={layer.visible} onChange={(e) => actions.updateLayer(lid, { visible: e.target.checked })} />
          Show
        </label>
        <button
          type="button"
          className="icon-button layer-remove"
          data-testid={`layer-${lid}-remove`}
          aria-label={`Remove ${title}`}
          title={count <= 1 ? 'A design keeps at least one session' : `Remove ${title}`}
          disabled={count <= 1}
          onClick={() => actions.removeLayer(lid)}
        >
          ×
        </button>
      </div>

      <Field
        id={`${id}-density`}
        label="Density"
        unit="dots/cm²"
        hintId={`${id}-density-help`}
        hint={
          <>
            {DENSITY.min}–{DENSITY.max}; at {mm2(layer.diameterMm)} mm dots merge above {maxDensity} dots/cm².
          </>
        }
      >
        <div className="slider-row">
          <Slider
            testId={`layer-${lid}-density-slider`}
            label={`${title} density`}
            value={layer.densityPerCm2}
            toPosition={densityToSlider}
            fromPosition={(s) => Math.min(maxDensity, sliderToDensity(s))}
            min={0}
            max={Math.max(1, densityToSlider(maxDensity))}
            step={1}
            valueText={(s) => `${Math.min(maxDensity, sliderToDensity(s))} dots per square centimetre`}
            describedBy={`${id}-density-help`}
            onCommit={(v) => set('densityPerCm2', v)}
          />
          <NumberInput
            id={`${id}-density`}
            testId={`layer-${lid}-density`}
            value={layer.densityPerCm2}
            min={DENSITY.min}
            max={DENSITY.max}
            step={1}
            format={int}
            invalid={invalid('density')}
            describedBy={`${id}-density-help${invalid('density') ? ' app-error' : ''}`}
            onCommit={(v) => set('densityPerCm2', v)}
          />
        </div>
      </Field>

      <Field
        id={`${id}-diameter`}
        label="Dot diameter"
        unit="mm"
        hintId={`${id}-diameter-help`}
        hint={
          <>
            Healed dot on the skin, {mm2(DIAMETER.min)}–{mm2(DIAMETER.max)} mm. Needles 0.18–0.30 mm: 0603 = 0.20 mm, 0803 = 0.25 mm; healed dots look ~0.1 mm.
          </>
        }
      >
        <div className="slider-row">
          <Slider
            testId={`layer-${lid}-diameter-slider`}
            label={`${title} dot diameter`}
            value={layer.diameterMm}
            toPosition={(v) => Math.round(v * 100)}
            fromPosition={(s) => Math.min(maxDiameter, s / 100)}
            min={Math.round(DIAMETER.min * 100)}
            max={Math.max(Math.round(DIAMETER.min * 100) + 1, Math.round(maxDiameter * 100))}
            step={1}
            valueText={(s) => `${mm2(s / 100)} millimetres`}
            describedBy={`${id}-diameter-help`}
            onCommit={(v) => set('diameterMm', v)}
          />
          <NumberInput
            id={`${id}-diameter`}
            testId={`layer-${lid}-diameter`}
            value={layer.diameterMm}
            min={DIAMETER.min}
            max={DIAMETER.max}
            step={0.01}
            format={mm2}
            invalid={invalid('diameter')}
            describedBy={`${id}-diameter-help${invalid('diameter') ? ' app-error' : ''}`}
            onCommit={(v) => set('diameterMm', v)}
          />
        </div>
      </Field>

      <Field id={`${id}-shade`} label="Shade" unit={shadeWords(layer.shade, tone)} hintId={`${id}-shade-help`}>
        <div className="slider-row">
          <span className="swatch swatch-dot" style={dotSwatchStyle(inkHex, skinHex)} aria-hidden="true" />
          <Slider
            id={`${id}-shade`}
            testId={`layer-${lid}-shade`}
            value={layer.shade}
            toPosition={toPercent}
            fromPosition={fromPercent}
            min={0}
            max={100}
            step={1}
            valueText={(s) => `${shadeWords(s / 100, tone)}, ${Math.round(shadeConcentration(s / 100) * 100)} % ink`}
            describedBy={`${id}-shade-help`}
            onCommit={(v) => set('shade', v)}
          />
        </div>
        <div id={`${id}-shade-help`} className="slider-ends help">
          <span>lightest grey, 1:9</span>
          <span>undiluted black</span>
        </div>
      </Field>

      <div className="field-pair">
        <Field id={`${id}-irregularity`} label="Irregularity" unit={pct(layer.irregularity)} hintId={`${id}-irregularity-help`} hint="0 % even spacing">
          <Slider
            id={`${id}-irregularity`}
            testId={`layer-${lid}-irregularity`}
            value={layer.irregularity}
            toPosition={toPercent}
            fromPosition={fromPercent}
            min={0}
            max={100}
            step={1}
            valueText={(s) => `${s} %`}
            describedBy={`${id}-irregularity-help`}
            onCommit={(v) => set('irregularity', v)}
          />
        </Field>
        <Field id={`${id}-offset`} label="Behind hairline" unit="mm" hintId={`${id}-offset-help`} hint="−10 to 20; negative: in front">
          <NumberInput
            id={`${id}-offset`}
            testId={`layer-${lid}-offset`}
            value={layer.hairlineOffsetMm}
            min={-10}
            max={20}
            step={0.5}
            format={mm1}
            invalid={invalid('offset')}
            describedBy={`${id}-offset-help${invalid('offset') ? ' app-error' : ''}`}
            onCommit={(v) => set('hairlineOffsetMm', v)}
          />
        </Field>
      </div>
    </div>
  );
}

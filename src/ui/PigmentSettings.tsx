import { useId } from 'react';
import { designSchema, PIGMENT_TONES, rangeOf, type PigmentTone } from '../model';
import { useAppStore } from '../state/store';
import { NumberInput } from './fields';
import { fmt2 } from './shadeMatchFormat';

/** Pigment depth, mm (the top of the healed pigment band), in the schema's range. */
const DEPTH = { ...rangeOf(designSchema.shape.pigment.shape.depthMm), step: 0.05 };

const TONE_WORDS: Record<PigmentTone, string> = {
  neutral: 'Neutral (carbon black)',
  warm: 'Warm (brown-tinted)',
  cool: 'Cool (blue-tinted)',
};

/** The pigment's depth and tone. */
export function PigmentSettings() {
  const id = useId();
  const pigment = useAppStore((s) => s.design.pigment);
  const errorField = useAppStore((s) => s.error?.field ?? null);
  const actions = useAppStore((s) => s.actions);
  const invalid = errorField === 'pigment.depthMm';
  return (
    <div className="sm-block">
      <h4 className="subhead">Pigment</h4>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={`${id}-depth`}>
            Depth <span className="unit">mm</span>
          </label>
          <NumberInput
            id={`${id}-depth`}
            testId="pigment-depth"
            value={pigment.depthMm}
            min={DEPTH.min}
            max={DEPTH.max}
            step={DEPTH.step}
            format={fmt2}
            invalid={invalid}
            describedBy={`${id}-depth-help${invalid ? ' app-error' : ''}`}
            onCommit={(v) => {
              // The store refuses too, but its message for NaN names no range: say it here in full.
              if (!Number.isFinite(v) || v < DEPTH.min || v > DEPTH.max) {
                actions.showError(`Pigment depth must be a number from ${DEPTH.min} to ${DEPTH.max} mm${Number.isFinite(v) ? ` (got ${v})` : ''}.`, 'pigment.depthMm');
                return;
              }
              actions.setPigment({ depthMm: v });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-tone`}>Tone</label>
          <select id={`${id}-tone`} data-testid="pigment-tone" value={pigment.tone} onChange={(e) => actions.setPigment({ tone: e.target.value as PigmentTone })}>
            {PIGMENT_TONES.map((t) => (
              <option key={t} value={t}>
                {TONE_WORDS[t]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <small id={`${id}-depth-help`} className="help">
        Top of the healed pigment under the surface, {DEPTH.min}–{DEPTH.max} mm; SMP aims at the upper papillary dermis, about 0.2 mm. Deeper pigment looks lighter and bluer through more skin.
      </small>
    </div>
  );
}

/** The client's colours for the shade match: the hair (a preset, picked or typed in CIELAB) and
 * the skin typed in CIELAB. */
import { useId } from 'react';
import { designSchema, hexToLab, HAIR_COLORS, hairColor, hairLab, labToHex, rangeOf, skinLab, type Lab } from '../model';
import { useAppStore } from '../state/store';
import { NumberInput } from './fields';
import { capital, fmt1 } from './shadeMatchFormat';

/** The CIELAB ranges the design accepts (its schema). */
const LAB_SHAPE = designSchema.shape.skin.shape.customLab.unwrap().shape;
const LAB_RANGE = { L: rangeOf(LAB_SHAPE.L), a: rangeOf(LAB_SHAPE.a), b: rangeOf(LAB_SHAPE.b) };
type LabKey = keyof typeof LAB_RANGE;
const LAB_KEYS: readonly LabKey[] = ['L', 'a', 'b'];

/** Three number inputs for a CIELAB colour; bad entries are refused with the field and its range. */
function LabInputs({ who, testPrefix, lab, onCommit }: { who: string; testPrefix: string; lab: Lab; onCommit: (lab: Lab) => void }) {
  const id = useId();
  const actions = useAppStore((s) => s.actions);
  const errorField = useAppStore((s) => s.error?.field ?? null);
  const commit = (key: LabKey, value: number) => {
    const { min, max } = LAB_RANGE[key];
    const field = `${testPrefix}.${key}`;
    if (!Number.isFinite(value) || value < min || value > max) {
      actions.showError(`${who} ${key}* must be a number from ${min} to ${max}${Number.isFinite(value) ? ` (got ${value})` : ''}.`, field);
      return;
    }
    onCommit({ ...lab, [key]: value });
  };
  return (
    <div className="sm-lab" role="group" aria-label={`${who} colour, CIELAB`}>
      {LAB_KEYS.map((key) => {
        const invalid = errorField === `${testPrefix}.${key}`;
        return (
          <div className="sm-lab-field" key={key}>
            <label htmlFor={`${id}-${key}`}>{key}*</label>
            <NumberInput
              id={`${id}-${key}`}
              testId={`${testPrefix}-${key}`}
              value={lab[key]}
              min={LAB_RANGE[key].min}
              max={LAB_RANGE[key].max}
              step={0.1}
              format={fmt1}
              label={`${who} ${key}*, ${LAB_RANGE[key].min} to ${LAB_RANGE[key].max}`}
              invalid={invalid}
              describedBy={invalid ? 'app-error' : undefined}
              onCommit={(v) => commit(key, v)}
            />
          </div>
        );
      })}
    </div>
  );
}

export function HairColour() {
  const id = useId();
  const hair = useAppStore((s) => s.design.hair);
  const actions = useAppStore((s) => s.actions);
  const preset = hairColor(hair.preset);
  let lab: Lab | null = null;
  try {
    lab = hairLab(hair);
  } catch {
    lab = null;
  }
  return (
    <div className="sm-block">
      <h4 className="subhead">Client's hair</h4>
      <div className="field">
        <label htmlFor={`${id}-preset`}>Hair colour</label>
        <div className="select-row">
          <span className="swatch" style={{ background: lab ? labToHex(lab) : 'transparent' }} aria-hidden="true" />
          <select
            id={`${id}-preset`}
            data-testid="hair-preset"
            value={hair.customLab ? '' : hair.preset}
            onChange={(e) => {
              if (e.target.value) actions.setHair({ preset: e.target.value, customLab: null });
            }}
          >
            {hair.customLab && (
              <option value="" disabled>
                Custom colour
              </option>
            )}
            {HAIR_COLORS.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </div>
        {!hair.customLab && preset && (
          <small className="help" data-testid="hair-basis">
            {capital(preset.basis)}: {preset.source}.
          </small>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-picker`}>Custom colour (matched to the client)</label>
        <div className="select-row sm-wrap">
          <input
            id={`${id}-picker`}
            type="color"
            data-testid="hair-custom"
            value={lab ? labToHex(lab) : '#000000'}
            onChange={(e) => {
              const picked = hexToLab(e.target.value);
              if (picked) actions.setHair({ preset: hair.preset, customLab: picked });
            }}
          />
          {hair.customLab ? (
            <button type="button" className="secondary" data-testid="hair-use-preset" onClick={() => actions.setHair({ preset: hair.preset, customLab: null })}>
              Use {preset ? preset.name.toLowerCase() : 'the preset'}
            </button>
          ) : (
            <span className="muted">Using the preset colour</span>
          )}
        </div>
      </div>
      {lab && (
        <div className="field">
          <span className="sm-label" id={`${id}-typed`}>
            Hair colour, typed <span className="unit">CIELAB D65</span>
          </span>
          <LabInputs who="Hair" testPrefix="hair" lab={lab} onCommit={(next) => actions.setHair({ preset: hair.preset, customLab: next })} />
        </div>
      )}
    </div>
  );
}

export function SkinTyped() {
  const id = useId();
  const skin = useAppStore((s) => s.design.skin);
  const actions = useAppStore((s) => s.actions);
  const lab = skinLab(skin);
  return (
    <div className="field">
      <span className="sm-label" id={`${id}-typed`}>
        Skin colour, typed <span className="unit">CIELAB D65{skin.customLab ? ', custom' : `, type ${skin.fitzpatrick}`}</span>
      </span>
      <LabInputs who="Skin" testPrefix="skin" lab={lab} onCommit={(next) => actions.setCustomSkin(next)} />
      <small className="help">A measured scalp colour (e.g. from a colorimeter) overrides the skin type's colour; the skin type select above goes back to it.</small>
    </div>
  );
}

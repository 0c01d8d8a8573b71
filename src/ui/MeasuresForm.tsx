import { useEffect, useId, useState, type FormEvent } from 'react';
import { MEASURE_LIMITS, SEXES, type HeadMeasures, type Sex } from '../model';
import { useAppStore } from '../state/store';

const FIELDS: { key: keyof HeadMeasures; label: string; help: string }[] = [
  { key: 'circumferenceMm', label: 'Circumference', help: 'around the head, above the brows and ears' },
  { key: 'lengthMm', label: 'Length', help: 'glabella (between the brows) to the back of the head' },
  { key: 'breadthMm', label: 'Breadth', help: 'widest point above the ears' },
];

const SEX_NAMES: Record<Sex, string> = { male: 'Male', female: 'Female' };

const show = (x: number) => String(Math.round(x * 10) / 10);

function asNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** The client's head measures. Out-of-range values are refused with the reason; the head on
 * screen stays until a valid one replaces it. */
export function MeasuresForm() {
  const id = useId();
  const head = useAppStore((s) => s.design.head);
  const error = useAppStore((s) => s.error);
  const busy = useAppStore((s) => s.headStatus === 'loading');
  const actions = useAppStore((s) => s.actions);
  const [text, setText] = useState(() => toText(head));

  // A new head (or an opened design) resets the inputs to what is shown.
  useEffect(() => setText(toText(head)), [head]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await actions.applyMeasures({
      circumferenceMm: asNumber(text.circumferenceMm),
      lengthMm: asNumber(text.lengthMm),
      breadthMm: asNumber(text.breadthMm),
    });
    // Refused: the inputs go back to the head on screen; the message quotes what was refused.
    if (outcome === 'invalid') setText(toText(useAppStore.getState().design.head));
  };

  return (
    <form className="group" onSubmit={submit} noValidate aria-labelledby={`${id}-legend`}>
      <h3 id={`${id}-legend`} className="group-title">
        Client's head
      </h3>
      <fieldset className="field plain">
        <legend>Face and build</legend>
        <div className="choice-row">
          {SEXES.map((sex) => (
            <button
              key={sex}
              type="button"
              data-testid={`head-sex-${sex}`}
              className={head.sex === sex ? 'choice selected' : 'choice'}
              aria-pressed={head.sex === sex}
              disabled={busy}
              onClick={() => head.sex !== sex && void actions.setHeadSex(sex)}
            >
              {SEX_NAMES[sex]}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="measures">
        {FIELDS.map(({ key, label, help }) => {
          const { min, max } = MEASURE_LIMITS[key];
          const invalid = error?.field === key || (error?.field === 'measures' && key === 'circumferenceMm');
          return (
            <div className="field" key={key}>
              <label htmlFor={`${id}-${key}`}>
                {label} <span className="unit">mm</span>
              </label>
              <input
                id={`${id}-${key}`}
                type="number"
                inputMode="decimal"
                data-testid={`measure-${key}`}
                min={min}
                max={max}
                step="any"
                value={text[key]}
                aria-invalid={invalid || undefined}
                aria-describedby={`${id}-${key}-help${invalid ? ' app-error' : ''}`}
                onChange={(e) => setText((t) => ({ ...t, [key]: e.target.value }))}
              />
              <small id={`${id}-${key}-help`} className="help">
                {min}–{max} mm; {help}
              </small>
            </div>
          );
        })}
      </div>
      <button type="submit" className="primary" data-testid="apply-measures" aria-busy={busy}>
        {busy ? 'Building…' : 'Apply measures'}
      </button>
    </form>
  );
}

function toText(m: HeadMeasures): Record<keyof HeadMeasures, string> {
  return { circumferenceMm: show(m.circumferenceMm), lengthMm: show(m.lengthMm), breadthMm: show(m.breadthMm) };
}

/** Consultation: the client's scars. A strip (FUT) scar across the back, punctate (FUE) scars
 * in the donor area, or a free shape outlined point by point on the head. Scar skin shows paler;
 * no hair grows there, so the sessions fill it (camouflage). */
import { useId } from 'react';
import { defaultScar, MAX_SCARS, scarSchema, type Scar } from '../model';
import { useAppStore } from '../state/store';
import { NumberInput } from './fields';

const num1 = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 10) / 10) : String(x));
const KIND_NAMES: Record<Scar['kind'], string> = { strip: 'Strip scar (FUT)', punctate: 'FUE scars', free: 'Free-form scar' };

type NumKey = 'lengthMm' | 'widthMm' | 'heightAboveInionMm' | 'count' | 'diameterMm';
const FIELDS: Record<'strip' | 'punctate', { key: NumKey; label: string; unit: string; min: number; max: number; step: number }[]> = {
  strip: [
    { key: 'lengthMm', label: 'Length', unit: 'mm', min: 20, max: 350, step: 5 },
    { key: 'widthMm', label: 'Width', unit: 'mm', min: 0.5, max: 20, step: 0.5 },
    { key: 'heightAboveInionMm', label: 'Above the inion', unit: 'mm', min: -40, max: 80, step: 1 },
  ],
  punctate: [
    { key: 'count', label: 'Number', unit: '', min: 1, max: 5000, step: 50 },
    { key: 'diameterMm', label: 'Diameter', unit: 'mm', min: 0.3, max: 2, step: 0.1 },
  ],
};

function ScarRow({ scar, index }: { scar: Scar; index: number }) {
  const id = useId();
  const scars = useAppStore((s) => s.design.scars);
  const errorField = useAppStore((s) => s.error?.field ?? null);
  const actions = useAppStore((s) => s.actions);
  const replace = (next: Scar) => {
    const r = scarSchema.safeParse(next);
    if (!r.success) {
      actions.showError(`${KIND_NAMES[scar.kind]}: ${r.error.issues[0].message}.`, `scar-${scar.id}`);
      return;
    }
    actions.setScars(scars.map((s, k) => (k === index ? r.data : s)));
  };
  return (
    <li className="scar-row" data-testid={`scar-${scar.id}`}>
      <div className="scar-head">
        <strong>{KIND_NAMES[scar.kind]}</strong>
        <button type="button" className="link" data-testid={`scar-${scar.id}-remove`} onClick={() => actions.setScars(scars.filter((_, k) => k !== index))}>
          Remove
        </button>
      </div>
      {scar.kind === 'free' ? (
        <small className="help">{scar.pointsMm.length} points outlined on the head.</small>
      ) : (
        <div className="field-pair">
          {FIELDS[scar.kind].map((f) => (
            <div className="field" key={f.key}>
              <label htmlFor={`${id}-${f.key}`}>
                {f.label} {f.unit && <span className="unit">{f.unit}</span>}
              </label>
              <NumberInput
                id={`${id}-${f.key}`}
                testId={`scar-${scar.id}-${f.key}`}
                value={(scar as unknown as Record<NumKey, number>)[f.key]}
                min={f.min}
                max={f.max}
                step={f.step}
                format={num1}
                invalid={errorField === `scar-${scar.id}`}
                onCommit={(v) => replace({ ...scar, [f.key]: v } as Scar)}
              />
            </div>
          ))}
        </div>
      )}
    </li>
  );
}

export function ScarsPanel() {
  const scars = useAppStore((s) => s.design.scars);
  const tool = useAppStore((s) => s.tool);
  const draft = useAppStore((s) => s.scarDraft);
  const actions = useAppStore((s) => s.actions);
  const full = scars.length >= MAX_SCARS;
  const newId = (kind: Scar['kind']) => {
    let n = 1;
    while (scars.some((s) => s.id === `${kind}-${n}`)) n++;
    return `${kind}-${n}`;
  };
  const drawing = tool === 'scar';
  return (
    <fieldset className="group" data-testid="scars">
      <legend>Scars</legend>
      {scars.length > 0 && (
        <ul className="scar-list">
          {scars.map((s, k) => (
            <ScarRow key={s.id} scar={s} index={k} />
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="secondary" data-testid="add-strip-scar" disabled={full} onClick={() => actions.setScars([...scars, defaultScar('strip', newId('strip'))])}>
          + Strip
        </button>
        <button type="button" className="secondary" data-testid="add-fue-scars" disabled={full} onClick={() => actions.setScars([...scars, defaultScar('punctate', newId('punctate'))])}>
          + FUE
        </button>
        <button
          type="button"
          className={drawing ? 'primary' : 'secondary'}
          aria-pressed={drawing}
          data-testid="draw-scar"
          disabled={full && !drawing}
          onClick={() => actions.setTool(drawing ? 'orbit' : 'scar')}
        >
          {drawing ? 'Cancel outline' : '+ Outline'}
        </button>
      </div>
      {drawing && (
        <div className="field">
          <small className="help">Click around the scar on the head, point by point ({draft.length} so far, at least 3).</small>
          <button
            type="button"
            className="primary"
            data-testid="finish-scar"
            disabled={draft.length < 3}
            onClick={() => {
              actions.setScars([...scars, { id: newId('free'), kind: 'free', pointsMm: draft.map((p) => [p[0], p[1], p[2]] as [number, number, number]) }]);
              actions.setTool('orbit');
            }}
          >
            Finish the outline
          </button>
        </div>
      )}
      <p className="note">
        Scar tissue shows paler and grows no hair, so the sessions fill it. It holds pigment less evenly: the fading simulation gives dots on scars a wider spread of healing loss (an assumption; no
        figure is published).
      </p>
    </fieldset>
  );
}

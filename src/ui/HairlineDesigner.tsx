/** The hairline's style, irregularity and symmetry, editing its handles on the head, the
 * anthropometric guides, and plain-language warnings for a design outside the usual ranges. */
import { useId, useMemo } from 'react';
import { HAIRLINE_STYLES, hairlineWarnings, withStyle, type HairlineStyle } from '../model';
import { useAppStore } from '../state/store';
import { Field, Slider } from './fields';

export const STYLE_NAMES: Record<HairlineStyle, string> = {
  classic: 'Straight / classic',
  soft: 'Soft / feathered',
  natural: 'Natural / broken',
  mature: 'Mature / receded',
  sharp: 'Sharp / edged-up',
};

export function HairlineDesigner() {
  const id = useId();
  const hairline = useAppStore((s) => s.design.hairline);
  const head = useAppStore((s) => s.head);
  const tool = useAppStore((s) => s.tool);
  const showGuides = useAppStore((s) => s.showGuides);
  const actions = useAppStore((s) => s.actions);
  const warnings = useMemo(() => (head ? hairlineWarnings(head, hairline) : []), [head, hairline]);
  const editing = tool === 'hairline';
  return (
    <>
      <Field id={`${id}-style`} label="Style" hint="A style sets the shape, the transition and the irregularity; then fine-tune.">
        <select id={`${id}-style`} data-testid="hairline-style" value={hairline.style} onChange={(e) => actions.setHairline(withStyle(hairline, e.target.value as HairlineStyle))}>
          {HAIRLINE_STYLES.map((s) => (
            <option key={s} value={s}>
              {STYLE_NAMES[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-irregular`} label="Irregularity" unit="mm" hint="0–5 mm wobble of the front edge: a natural hairline is never a ruled line.">
        <Slider
          id={`${id}-irregular`}
          testId="hairline-irregularity"
          value={hairline.irregularityMm}
          toPosition={(v) => Math.round(v * 10)}
          fromPosition={(p) => p / 10}
          min={0}
          max={50}
          step={1}
          valueText={(p) => `${p / 10} millimetres`}
          onCommit={(v) => actions.setHairline({ irregularityMm: v })}
        />
      </Field>
      <div className="field check-row">
        <label>
          <input type="checkbox" data-testid="hairline-symmetric" checked={hairline.symmetric} onChange={(e) => actions.setHairline({ symmetric: e.target.checked })} /> Mirror left and right
        </label>
        <label>
          <input type="checkbox" data-testid="hairline-guides" checked={showGuides} onChange={(e) => actions.setShowGuides(e.target.checked)} /> Show guides
        </label>
      </div>
      <div className="button-row">
        <button
          type="button"
          className={editing ? 'primary' : 'secondary'}
          aria-pressed={editing}
          data-testid="hairline-edit"
          onClick={() => {
            actions.setTool(editing ? 'orbit' : 'hairline');
            if (!editing) actions.goTo('hairline');
          }}
        >
          {editing ? 'Done editing' : 'Edit on the head'}
        </button>
        <button type="button" className="secondary" data-testid="hairline-reset" disabled={!hairline.handles} onClick={() => actions.setHairline({ handles: null })}>
          Reset shape
        </button>
      </div>
      {editing && <small className="help">Drag the blue handles on the head, or on the client's photo. With mirroring on, the other side follows; the grey ends at the temples stay put.</small>}
      {warnings.length > 0 && (
        <ul className="warnings" data-testid="hairline-warnings" aria-live="polite">
          {warnings.map((w) => (
            <li key={w.code} data-code={w.code}>
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

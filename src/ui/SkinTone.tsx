import { useId } from 'react';
import { hexToLab, itaCategory, itaDeg, labToHex, skinLab } from '../model';
import { useAppStore } from '../state/store';

export const SKIN_TYPES = [
  { value: 1, short: 'Type I · very fair', label: 'I · always burns, never tans' },
  { value: 2, short: 'Type II · fair', label: 'II · usually burns' },
  { value: 3, short: 'Type III · medium', label: 'III · sometimes burns' },
  { value: 4, short: 'Type IV · olive', label: 'IV · rarely burns' },
  { value: 5, short: 'Type V · brown', label: 'V · very rarely burns' },
  { value: 6, short: 'Type VI · dark brown', label: 'VI · never burns' },
] as const;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Fitzpatrick type (1-6). `simple` is the phone version: the type and a swatch, nothing else. */
export function SkinTypeSelect({ simple = false }: { simple?: boolean }) {
  const id = useId();
  const skin = useAppStore((s) => s.design.skin);
  const actions = useAppStore((s) => s.actions);
  return (
    <div className={simple ? 'field field-big' : 'field'}>
      <label htmlFor={id}>{simple ? 'Your skin type' : 'Fitzpatrick skin type'}</label>
      <div className="select-row">
        <span className="swatch" style={{ background: labToHex(skinLab(skin)) }} aria-hidden="true" />
        <select id={id} data-testid="skin-type" value={String(skin.fitzpatrick)} onChange={(e) => actions.setFitzpatrick(Number(e.target.value))}>
          {SKIN_TYPES.map((t) => (
            <option key={t.value} value={String(t.value)}>
              {simple ? t.short : t.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Consultation: the type, or a custom colour picked to match the client, with ITA. */
export function SkinTone() {
  const pickerId = useId();
  const skin = useAppStore((s) => s.design.skin);
  const actions = useAppStore((s) => s.actions);
  const lab = skinLab(skin);
  const hex = labToHex(lab);
  const ita = itaDeg(lab);
  return (
    <fieldset className="group">
      <legend>Skin tone</legend>
      <SkinTypeSelect />
      <div className="field">
        <label htmlFor={pickerId}>Custom colour (matched to the client)</label>
        <div className="select-row">
          <input
            id={pickerId}
            type="color"
            data-testid="skin-custom"
            value={hex}
            onChange={(e) => {
              const picked = hexToLab(e.target.value);
              if (picked) actions.setCustomSkin(picked);
            }}
          />
          {skin.customLab ? (
            <button type="button" className="secondary" onClick={() => actions.setCustomSkin(null)}>
              Use type {skin.fitzpatrick} colour
            </button>
          ) : (
            <span className="muted">Using the type's representative colour</span>
          )}
        </div>
      </div>
      <dl className="facts" aria-live="polite">
        <div>
          <dt>CIELAB</dt>
          <dd>
            L* {round1(lab.L)}, a* {round1(lab.a)}, b* {round1(lab.b)}
          </dd>
        </div>
        <div>
          <dt>ITA</dt>
          <dd data-testid="ita">
            {round1(ita)}° ({itaCategory(ita)})
          </dd>
        </div>
      </dl>
      <p className="note">Type colours are representative: ITA and Fitzpatrick type do not map one to one (Chardon 1991). Pick a custom colour to match the client's scalp.</p>
    </fieldset>
  );
}

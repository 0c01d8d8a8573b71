/** Consultation: the treatment estimate (area, sessions, dots, hours, price at the clinic's prices)
 * and, for a client asking "what if I want it gone", the Kirby-Desai laser-removal estimate. */
import { useId, useMemo } from 'react';
import { KD_COLORS, KD_INK_AMOUNTS, KD_SCARRING, kirbyDesai, treatmentEstimate, type KirbyDesaiInput } from '../model';
import { useAppStore } from '../state/store';
import { setRemovalInput as setInput, useRemovalInput } from '../state/removal';

const COLOR_NAMES: Record<KirbyDesaiInput['color'], string> = {
  black: 'Black only (SMP)',
  'black-some-red': 'Mostly black, some red',
  'black-red-other': 'Black and red, some other colours',
  multicolor: 'Several colours',
};
const INK_NAMES: Record<KirbyDesaiInput['inkAmount'], string> = { amateur: 'Amateur', minimal: 'Minimal (SMP)', moderate: 'Moderate', significant: 'Significant' };
const SCAR_NAMES: Record<KirbyDesaiInput['scarring'], string> = { none: 'None', minimal: 'Minimal', moderate: 'Moderate', significant: 'Significant' };
const money = (c: string, lo: number, hi: number) => `${c}${Math.round(lo).toLocaleString('en')}–${c}${Math.round(hi).toLocaleString('en')}`;
const hours = ([a, b]: [number, number]) => `${Math.round(a)}–${Math.round(b)} h`;

function Treatment() {
  const design = useAppStore((s) => s.design);
  const dots = useAppStore((s) => s.dots);
  const estimate = useMemo(() => {
    if (!dots || dots.layerCounts.length !== design.layers.length) return null;
    try {
      return treatmentEstimate(design, dots);
    } catch {
      return null;
    }
  }, [design, dots]);
  if (!estimate) return <p className="muted">Waiting for the dots…</p>;
  const p = estimate.price;
  return (
    <table className="cost-table" data-testid="treatment-estimate">
      <tbody>
        <tr>
          <th scope="row">Treated area</th>
          <td>{Math.round(estimate.areaCm2)} cm²</td>
        </tr>
        <tr>
          <th scope="row">Sessions, dots</th>
          <td>
            {estimate.sessions}, {estimate.dots.toLocaleString('en')}
          </td>
        </tr>
        <tr>
          <th scope="row">Time in the chair</th>
          <td data-testid="estimate-hours">
            {hours(estimate.hours)} ({estimate.hoursPerSession.map(hours).join(', ')})
          </td>
        </tr>
        <tr className="total">
          <th scope="row">Price</th>
          <td>{money(p.currency, p.low, p.high)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function Removal() {
  const id = useId();
  const fitzpatrick = useAppStore((s) => s.design.skin.fitzpatrick);
  const input = useRemovalInput();
  const kd = kirbyDesai({ ...input, fitzpatrick, location: 'head-neck' });
  return (
    <>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={`${id}-c`}>Colour</label>
          <select id={`${id}-c`} value={input.color} onChange={(e) => setInput({ ...input, color: e.target.value as KirbyDesaiInput['color'] })}>
            {KD_COLORS.map((c) => (
              <option key={c} value={c}>
                {COLOR_NAMES[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-i`}>Ink amount</label>
          <select id={`${id}-i`} value={input.inkAmount} onChange={(e) => setInput({ ...input, inkAmount: e.target.value as KirbyDesaiInput['inkAmount'] })}>
            {KD_INK_AMOUNTS.map((c) => (
              <option key={c} value={c}>
                {INK_NAMES[c]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={`${id}-s`}>Scarring</label>
          <select id={`${id}-s`} value={input.scarring} onChange={(e) => setInput({ ...input, scarring: e.target.value as KirbyDesaiInput['scarring'] })}>
            {KD_SCARRING.map((c) => (
              <option key={c} value={c}>
                {SCAR_NAMES[c]}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={input.layering} onChange={(e) => setInput({ ...input, layering: e.target.checked })} /> Layered or a cover-up
        </label>
      </div>
      <p data-testid="removal-estimate" data-points={kd.points}>
        Kirby-Desai score <strong>{kd.points}</strong>: about{' '}
        <strong>
          {kd.sessions[0]}–{kd.sessions[1]}
        </strong>{' '}
        laser sessions (skin type {fitzpatrick}, head and neck).
      </p>
    </>
  );
}

export function EstimatePanel() {
  return (
    <fieldset className="group" data-testid="estimates">
      <legend>Treatment and removal</legend>
      <Treatment />
      <p className="note">
        Hours assume 3,400–5,000 dots an hour, set so a full head takes the 20–30 h clinicians report (Nguyen et al. 2022); prices are the clinic's own (set under Over the years).
      </p>
      <h4 className="subhead">If the client wants it gone</h4>
      <Removal />
      <p className="note">
        The Kirby-Desai scale (Kirby et al. 2009, 100 patients, r = 0.757) was built on tattoos, not SMP: points ≈ laser sessions, ± 2.5. SMP removal is reported to take 3–10 sittings; saline removal
        has no firm evidence.
      </p>
    </fieldset>
  );
}

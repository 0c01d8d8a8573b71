/** Consultation: how the design will age under this client's habits. The sun, sunscreen, hat and
 * aftercare; when touch-ups fall due and what they cost; a chart comparing scenarios; and what
 * every figure rests on. The simulation runs in a worker; this panel only shows its answers. */
import { useId, useMemo } from 'react';
import { CLIMATES, FADE_PRESET_NAMES, fadePreset, FADE_PRESETS, HATS, type FadePreset, type FadeScenario } from '../model';
import { PLAN_HORIZON_YEARS, useAppStore } from '../state/store';
import { FadeChart, type ChartCurve } from './FadeChart';
import { NumberInput } from './fields';

const num = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 100) / 100) : String(x));
const CLIMATE_NAMES: Record<FadeScenario['climate']['preset'], string> = {
  'northern-europe': 'Northern Europe (UV index ~3)',
  'us-average': 'US average (UV index ~5)',
  australia: 'Australia (UV index ~8)',
  custom: 'Custom UV index',
};
const HAT_NAMES: Record<FadeScenario['hat'], string> = { none: 'No hat', sometimes: 'Sometimes', always: 'Always outdoors' };
const AFTERCARE: { key: keyof FadeScenario['aftercare']; label: string }[] = [
  { key: 'washedBeforeDay4', label: 'Washed the scalp before day 4' },
  { key: 'sweating', label: 'Sweating, gym or sauna while healing' },
  { key: 'sunWhileHealing', label: 'Sun in the first weeks' },
  { key: 'pickedScabs', label: 'Picked or scratched the scabs' },
];
const PRESET_COLOURS = ['#1f6feb', '#b3261e', '#2e7d32', '#7b1fa2'];

function money(currency: string, [lo, hi]: [number, number]): string {
  const f = (v: number) => `${currency}${Math.round(v).toLocaleString('en')}`;
  return lo === hi ? f(lo) : `${f(lo)}–${f(hi)}`;
}

/** A number field of the scenario, refused with the schema's reason. */
function ScenarioNumber({
  label,
  unit,
  value,
  min,
  max,
  step,
  testId,
  onCommit,
  hint,
}: {
  label: string;
  unit?: string;
  value: number;
  min: number;
  max: number;
  step: number;
  testId: string;
  onCommit: (v: number) => void;
  hint?: string;
}) {
  const id = useId();
  const errorField = useAppStore((s) => s.error?.field ?? null);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} {unit && <span className="unit">{unit}</span>}
      </label>
      <NumberInput
        id={id}
        testId={testId}
        value={value}
        min={min}
        max={max}
        step={step}
        format={num}
        invalid={errorField?.startsWith(`fade.`) && errorField.endsWith(testId.replace('fade-', '')) ? true : undefined}
        onCommit={onCommit}
      />
      {hint && <small className="help">{hint}</small>}
    </div>
  );
}

function Habits({ fade }: { fade: FadeScenario }) {
  const id = useId();
  const actions = useAppStore((s) => s.actions);
  const set = (patch: Partial<FadeScenario>) => actions.setFade({ ...fade, ...patch });
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-preset`}>Start from</label>
        <select
          id={`${id}-preset`}
          data-testid="fade-preset"
          value=""
          onChange={(e) => {
            if (e.target.value) actions.setFade({ ...fadePreset(e.target.value as FadePreset), touchUp: fade.touchUp, prices: fade.prices });
          }}
        >
          <option value="">A typical client…</option>
          {FADE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {FADE_PRESET_NAMES[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={`${id}-climate`}>Climate</label>
          <select
            id={`${id}-climate`}
            data-testid="fade-climate"
            value={fade.climate.preset}
            onChange={(e) => set({ climate: { ...fade.climate, preset: e.target.value as FadeScenario['climate']['preset'] } })}
          >
            {CLIMATES.map((c) => (
              <option key={c} value={c}>
                {CLIMATE_NAMES[c]}
              </option>
            ))}
          </select>
        </div>
        {fade.climate.preset === 'custom' && (
          <ScenarioNumber
            label="Mean noon UV index"
            value={fade.climate.customUvIndex}
            min={0}
            max={20}
            step={0.5}
            testId="fade-uv-index"
            onCommit={(v) => set({ climate: { ...fade.climate, customUvIndex: v } })}
          />
        )}
      </div>
      <div className="field-pair">
        <ScenarioNumber label="Outdoors" unit="h a day" value={fade.hoursOutdoorsPerDay} min={0} max={24} step={0.5} testId="fade-hours" onCommit={(v) => set({ hoursOutdoorsPerDay: v })} />
        <div className="field">
          <label htmlFor={`${id}-hat`}>Hat</label>
          <select id={`${id}-hat`} data-testid="fade-hat" value={fade.hat} onChange={(e) => set({ hat: e.target.value as FadeScenario['hat'] })}>
            {HATS.map((h) => (
              <option key={h} value={h}>
                {HAT_NAMES[h]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-pair">
        <ScenarioNumber
          label="Sunscreen SPF"
          value={fade.sunscreen.spf}
          min={0}
          max={100}
          step={5}
          testId="fade-spf"
          hint="0 = none."
          onCommit={(v) => set({ sunscreen: { ...fade.sunscreen, spf: v } })}
        />
        <ScenarioNumber
          label="Applied"
          unit="mg/cm²"
          value={fade.sunscreen.amountMgPerCm2}
          min={0.1}
          max={4}
          step={0.1}
          testId="fade-amount"
          hint="Labels assume 2; most people put on about 1."
          onCommit={(v) => set({ sunscreen: { ...fade.sunscreen, amountMgPerCm2: v } })}
        />
      </div>
      <fieldset className="plain">
        <legend className="sm-label">Aftercare while healing</legend>
        {AFTERCARE.map((a) => (
          <label key={a.key} className="check">
            <input type="checkbox" data-testid={`fade-${a.key}`} checked={fade.aftercare[a.key]} onChange={(e) => set({ aftercare: { ...fade.aftercare, [a.key]: e.target.checked } })} /> {a.label}
          </label>
        ))}
      </fieldset>
    </>
  );
}

function ClinicRules({ fade }: { fade: FadeScenario }) {
  const actions = useAppStore((s) => s.actions);
  const set = (patch: Partial<FadeScenario>) => actions.setFade({ ...fade, ...patch });
  const p = fade.prices;
  return (
    <details className="fade-rules">
      <summary>Touch-up rule and prices</summary>
      <div className="field-pair">
        <ScenarioNumber
          label="Touch-up below"
          unit="% of healed contrast"
          value={Math.round(fade.touchUp.contrastShare * 100)}
          min={5}
          max={100}
          step={5}
          testId="fade-threshold"
          onCommit={(v) => set({ touchUp: { ...fade.touchUp, contrastShare: v / 100 } })}
        />
        <ScenarioNumber
          label="or off the stubble by"
          unit="ΔE00"
          value={fade.touchUp.stubbleMismatchDeltaE00}
          min={0.5}
          max={50}
          step={0.5}
          testId="fade-mismatch"
          onCommit={(v) => set({ touchUp: { ...fade.touchUp, stubbleMismatchDeltaE00: v } })}
        />
      </div>
      <div className="field-pair">
        <ScenarioNumber
          label="Treatment from"
          unit={p.currency}
          value={p.treatmentLow}
          min={0}
          max={1e6}
          step={100}
          testId="fade-price-treatment-low"
          onCommit={(v) => set({ prices: { ...p, treatmentLow: v } })}
        />
        <ScenarioNumber
          label="to"
          unit={p.currency}
          value={p.treatmentHigh}
          min={0}
          max={1e6}
          step={100}
          testId="fade-price-treatment-high"
          onCommit={(v) => set({ prices: { ...p, treatmentHigh: v } })}
        />
      </div>
      <div className="field-pair">
        <ScenarioNumber
          label="Touch-up from"
          unit={p.currency}
          value={p.touchUpLow}
          min={0}
          max={1e6}
          step={50}
          testId="fade-price-touchup-low"
          onCommit={(v) => set({ prices: { ...p, touchUpLow: v } })}
        />
        <ScenarioNumber label="to" unit={p.currency} value={p.touchUpHigh} min={0} max={1e6} step={50} testId="fade-price-touchup-high" onCommit={(v) => set({ prices: { ...p, touchUpHigh: v } })} />
      </div>
    </details>
  );
}

function Plan() {
  const plans = useAppStore((s) => s.fadePlans);
  const own = plans.own;
  const curves = useMemo((): ChartCurve[] => {
    if (!own) return [];
    return [{ label: 'This client', plan: own, colour: PRESET_COLOURS[0] }, ...plans.presets.map((p, k) => ({ label: FADE_PRESET_NAMES[p.id], plan: p.plan, colour: PRESET_COLOURS[k + 1] }))];
  }, [own, plans.presets]);
  if (!own) {
    return (
      <p className="muted" data-testid="fade-status" data-status={plans.status}>
        {plans.status === 'error' ? plans.message : 'Simulating the years…'}
      </p>
    );
  }
  const c = own.cost;
  return (
    <div data-testid="fade-plan" data-status={plans.status}>
      <p className="fade-schedule" data-testid="touchup-schedule" data-first={own.schedule[0] ?? ''}>
        {own.schedule.length ? (
          <>
            Touch-ups due at <strong>{own.schedule.map((t) => t.toFixed(1)).join(', ')}</strong> years ({own.schedule.length} in {PLAN_HORIZON_YEARS} years).
          </>
        ) : (
          <>No touch-up due within {PLAN_HORIZON_YEARS} years.</>
        )}
      </p>
      {own.mismatchAtHealed && (
        <p className="warnings" data-testid="fade-mismatch-warning">
          Even healed, the dots differ from the client's stubble by ΔE00 {own.healedStubbleDeltaE00.toFixed(1)}: check the shade match before the first session.
        </p>
      )}
      <table className="cost-table" data-testid="cost-table">
        <tbody>
          <tr>
            <th scope="row">Full treatment</th>
            <td>{money(c.currency, c.treatment)}</td>
          </tr>
          <tr>
            <th scope="row">
              {c.touchUps} touch-up{c.touchUps === 1 ? '' : 's'} × {money(c.currency, c.touchUpEach)}
            </th>
            <td>{money(c.currency, c.touchUpsTotal)}</td>
          </tr>
          <tr className="total">
            <th scope="row">Over {PLAN_HORIZON_YEARS} years</th>
            <td data-testid="cost-total">{money(c.currency, c.total)}</td>
          </tr>
        </tbody>
      </table>
      <FadeChart curves={curves} width={330} />
      <small className="help">
        Computed on {own.sampledDots.toLocaleString('en')} of the {own.totalDots.toLocaleString('en')} dots, evenly spread. Orange marks: touch-ups due for this client.
      </small>
    </div>
  );
}

function HowEstimated() {
  return (
    <details className="how" data-testid="fade-how">
      <summary>How this is estimated</summary>
      <ul>
        <li>
          <strong>Healing</strong>: about a third of the pigment leaves in the first weeks (measured: Bäumler 2015; Engel et al. 2010); 70–80 % kept with good aftercare and 40–50 % when scabs are
          picked are practitioners' figures, and each aftercare fault's share is assumed.
        </li>
        <li>
          <strong>Sun</strong>: the UV index and the share of it people receive are measured (WHO; Godar 2005); sunscreen's effect grows with the amount applied (Faurschou &amp; Wulf 2007); how much
          of the UV a hat blocks (90 %) and the hours behind indoor and outdoor work are assumed. The top of the head faces the sky and fades first.
        </li>
        <li>
          <strong>Long-term fading</strong>: no rate has been published. The app assumes a slow immune clearance and a loss per unit of UV, set so that an indoor worker in a temperate climate needs
          the first touch-up at 3–6 years and an outdoor worker in Australia without protection at 1–2 years, as clinics quote.
        </li>
        <li>
          <strong>Spreading</strong>: dots widen like heat along a bar (Eames 2011), faster when placed deeper; the rate is assumed.
        </li>
        <li>
          <strong>Colour</strong>: what is left is coloured by the skin optics model (Jacques 2013 scattering, Kubelka-Munk layers); contrast is CIEDE2000 between the dotted and the bare scalp.
        </li>
        <li>
          <strong>Prices</strong>: the clinic's own; the defaults ($1,000–4,500 a treatment, $300–500 a touch-up) are figures quoted by clinics.
        </li>
      </ul>
      <p className="note">Everything here is an illustrative estimate for a consultation, not a promise of how a particular scalp will age.</p>
    </details>
  );
}

export function FadePanel() {
  const fade = useAppStore((s) => s.design.fade);
  return (
    <fieldset className="group" data-testid="fade-panel">
      <legend>Over the years</legend>
      <p className="note">Move the timeline under the head to see the design at any year; tick Compare for a before and after.</p>
      <Habits fade={fade} />
      <ClinicRules fade={fade} />
      <Plan />
      <HowEstimated />
    </fieldset>
  );
}

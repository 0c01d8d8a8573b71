/** Consultation: which shade of the dilution ladder imitates the client's shaved stubble on their
 * skin. The client's hair colour (a preset, picked or typed in CIELAB), the skin colour typed in
 * CIELAB, the pigment's depth and tone; the stubble, the recommended dot and the skin side by side
 * with their CIEDE2000 difference and a verdict; the whole ladder of the tone; and a button that
 * gives every session the recommended shade. */
import { useId, useMemo } from 'react';
// Not (yet) re-exported by the model's index.
import {
  CLOSE_BELOW,
  designSchema,
  designShadeMatch,
  hexToLab,
  MATCH_BELOW,
  HAIR_COLORS,
  hairColor,
  hairLab,
  labToHex,
  nearestShade,
  PIGMENT_TONES,
  skinLab,
  type Design,
  type Lab,
  type PigmentTone,
  type ShadeMatch as Match,
  type ShadeResult,
  type Verdict,
} from '../model';
import { useAppStore } from '../state/store';
import { NumberInput } from './fields';

const round1 = (x: number) => Math.round(x * 10) / 10;
const fmt1 = (x: number) => (Number.isFinite(x) ? String(round1(x)) : String(x));
const fmt2 = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 100) / 100) : String(x));
const labText = (lab: Lab) => `L* ${round1(lab.L)}, a* ${round1(lab.a)}, b* ${round1(lab.b)}`;

/** The CIELAB ranges the design accepts (its schema). */
const LAB_SHAPE = designSchema.shape.skin.shape.customLab.unwrap().shape;
const rangeOf = (field: { minValue: number | null; maxValue: number | null }) => ({ min: field.minValue ?? -Infinity, max: field.maxValue ?? Infinity });
const LAB_RANGE = { L: rangeOf(LAB_SHAPE.L), a: rangeOf(LAB_SHAPE.a), b: rangeOf(LAB_SHAPE.b) };
type LabKey = keyof typeof LAB_RANGE;
const LAB_KEYS: readonly LabKey[] = ['L', 'a', 'b'];

/** Pigment depth, mm (the top of the healed pigment band), in the schema's range. */
const DEPTH = { ...rangeOf(designSchema.shape.pigment.shape.depthMm), step: 0.05 };

const TONE_WORDS: Record<PigmentTone, string> = {
  neutral: 'Neutral (carbon black)',
  warm: 'Warm (brown-tinted)',
  cool: 'Cool (blue-tinted)',
};

export const VERDICT_SENTENCE: Record<Verdict, string> = {
  match: 'the healed dots and the stubble are hard to tell apart, even side by side.',
  close: 'the difference is visible side by side but not across a room.',
  'visible mismatch': 'the dots will read as a different colour from the stubble at conversational distance.',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A colour box with its label and CIELAB under it. */
function Swatch({ testId, label, lab, caption }: { testId: string; label: string; lab: Lab; caption?: string }) {
  const hex = labToHex(lab);
  return (
    <figure className="sm-swatch">
      <div
        className="sm-swatch-box"
        data-testid={testId}
        data-hex={hex}
        data-lab={`${round1(lab.L)},${round1(lab.a)},${round1(lab.b)}`}
        style={{ background: hex }}
        role="img"
        aria-label={`${label}: ${labText(lab)}`}
      />
      <figcaption>
        <span className="sm-swatch-label">{label}</span>
        <span className="sm-swatch-lab">
          L* {round1(lab.L)}
          <br />
          a* {round1(lab.a)}, b* {round1(lab.b)}
        </span>
        {caption && <span className="sm-swatch-caption">{caption}</span>}
      </figcaption>
    </figure>
  );
}

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

function HairColour() {
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

function SkinTyped() {
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

function Ladder({ match, layers, tone }: { match: Match; layers: Design['layers']; tone: PigmentTone }) {
  const inUse = new Map<string, number[]>();
  layers.forEach((l, i) => {
    const s = nearestShade(l.shade, tone);
    inUse.set(s.id, [...(inUse.get(s.id) ?? []), i + 1]);
  });
  return (
    <table className="sm-ladder" data-testid="shade-ladder">
      <caption className="sm-ladder-caption">
        The {tone} ladder on this skin, lightest first: ★ recommended, <span className="sm-tag">S1</span> shade the sessions now use (nearest on the ladder).
      </caption>
      <thead>
        <tr>
          <th scope="col">Shade</th>
          <th scope="col" className="num">
            ΔE00
          </th>
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {match.shades.map((r: ShadeResult) => {
          const recommended = r.shade.id === match.recommended.shade.id;
          const sessions = inUse.get(r.shade.id) ?? [];
          return (
            <tr
              key={r.shade.id}
              data-testid={`ladder-${r.shade.id}`}
              data-position={r.shade.position}
              data-recommended={recommended || undefined}
              data-in-use={sessions.length ? sessions.join(',') : undefined}
              className={recommended ? 'sm-recommended' : undefined}
            >
              <th scope="row">
                <span className="sm-ladder-shade">
                  <span className="sm-chip" style={{ background: labToHex(r.apparent) }} aria-hidden="true" />
                  <span className="sm-ladder-name">
                    <span>
                      {recommended && (
                        <span className="sm-star" title="Recommended" aria-label="Recommended">
                          ★{' '}
                        </span>
                      )}
                      <span className="sm-ladder-label">{r.shade.name}</span>
                    </span>
                    <span className="sm-ladder-dilution">
                      {r.shade.dilution === 'undiluted' ? 'undiluted' : `${r.shade.dilution} ink:diluent`}
                      {sessions.map((n) => (
                        <span key={n} className="sm-tag" title={`Session ${n} uses this shade`}>
                          S{n}
                        </span>
                      ))}
                    </span>
                  </span>
                </span>
              </th>
              <td className="num">{r.deltaE00.toFixed(1)}</td>
              <td>
                <span className={`sm-verdict-word sm-${r.verdict.replace(' ', '-')}`}>{r.verdict}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function MatchResult({ match, layers, tone }: { match: Match; layers: Design['layers']; tone: PigmentTone }) {
  const actions = useAppStore((s) => s.actions);
  const skin = useAppStore((s) => skinLab(s.design.skin));
  const rec = match.recommended;
  const allSame = layers.length > 0 && layers.every((l) => Math.abs(l.shade - rec.shade.position) < 1e-9);
  return (
    <>
      <div className="sm-swatches" data-testid="shade-swatches">
        <Swatch testId="swatch-hair" label="Stubble" lab={match.stubble} caption="hair shaft seen through the skin" />
        <Swatch testId="swatch-dot" label={rec.shade.name} lab={rec.apparent} caption="healed dot" />
        <Swatch testId="swatch-skin" label="Skin" lab={skin} caption="bare scalp" />
      </div>
      <div className="sm-result" aria-live="polite">
        <p className="sm-delta">
          <span data-testid="shade-delta-e">ΔE00 {rec.deltaE00.toFixed(1)}</span>
          <span className="muted"> stubble vs {rec.shade.name.toLowerCase()}</span>
        </p>
        <p className={`sm-verdict sm-${rec.verdict.replace(' ', '-')}`} data-testid="shade-verdict" data-verdict={rec.verdict} data-shade={rec.shade.id} data-position={rec.shade.position}>
          <strong>{capital(rec.verdict)}</strong>: {VERDICT_SENTENCE[rec.verdict]}
          {rec.verdict === 'visible mismatch' && ' No shade of this tone comes closer: try another tone, or check the hair colour.'}
        </p>
      </div>
      <button type="button" className="primary sm-apply" data-testid="shade-apply" disabled={allSame} onClick={() => actions.setShadeForAll(rec.shade.position)}>
        {allSame ? `All sessions use ${rec.shade.name.toLowerCase()}` : 'Use this shade for all sessions'}
      </button>
      <small className="help sm-apply-help">
        Sets every session to {rec.shade.name.toLowerCase()} ({rec.shade.dilution}). Many practitioners lay the first session a step lighter; change a session's shade below if you do.
      </small>
      <Ladder match={match} layers={layers} tone={tone} />
    </>
  );
}

export function ShadeMatch() {
  const design = useAppStore((s) => s.design);
  const { skin, hair, pigment, layers } = design;
  // The store re-creates the design's objects on every change: the match is keyed on the values it
  // depends on (skin, hair, pigment), not recomputed for a change of the sessions.
  const key = JSON.stringify([skin, hair, pigment]);
  const outcome = useMemo((): { match: Match } | { error: string } => {
    try {
      return { match: designShadeMatch(design) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [key]);

  return (
    <section className="group shade-match" data-testid="shade-match" aria-labelledby="shade-match-title">
      <h3 className="group-title" id="shade-match-title">
        Shade match
      </h3>
      <HairColour />
      <SkinTyped />
      <PigmentSettings />
      {'error' in outcome ? (
        <p className="sm-error" role="status" data-testid="shade-match-error">
          The shade match could not be computed: {outcome.error}
        </p>
      ) : (
        <MatchResult match={outcome.match} layers={layers} tone={pigment.tone} />
      )}
      <p className="note">
        What this rests on: each shade's colour is the optical model's healed dot on this skin at {fmt2(pigment.depthMm)} mm. The stubble is the client's hair shaft as seen through the skin, from the
        same model (a shaved hair shows it; SMP imitates it); how dark a shaft looks for a hair colour is an assumption, not a measurement. ΔE00 is CIEDE2000; the verdicts (match under {MATCH_BELOW},
        close under {CLOSE_BELOW}) are this app's conventions, not published SMP limits. Check the shade on the client's scalp before the session.
      </p>
    </section>
  );
}

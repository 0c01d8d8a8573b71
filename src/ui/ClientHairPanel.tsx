/** Consultation: the client's head as it is. Where hair still grows (a hair-loss pattern, painted
 * corrections) and how it looks shaved (follicular units, shave length, the crown whorl). The
 * sessions then fill around it. */
import { useId } from 'react';
import { HAIR_LOSS_PATTERNS, SHAVE_LENGTHS_MM, stubbleSchema, type HairLossPatternId } from '../model';
import { useAppStore } from '../state/store';
import { Field, NumberInput, Slider } from './fields';

const num1 = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 10) / 10) : String(x));
const SHAVE_NAMES: Record<number, string> = { 0: 'Skin-shaved (razor)', 0.5: '0.5 mm (clipper, no guard)', 1: '1 mm', 3: '3 mm (#1 guard)' };

function PatternControls() {
  const id = useId();
  const hairLoss = useAppStore((s) => s.design.hairLoss);
  const tool = useAppStore((s) => s.tool);
  const brush = useAppStore((s) => s.brush);
  const actions = useAppStore((s) => s.actions);
  const pattern = HAIR_LOSS_PATTERNS.find((p) => p.id === hairLoss.pattern);
  const painting = tool === 'brush';
  return (
    <>
      <Field id={`${id}-pattern`} label="Hair-loss pattern" hintId={`${id}-pattern-help`} hint={pattern?.description}>
        <select
          id={`${id}-pattern`}
          data-testid="hair-loss-pattern"
          value={hairLoss.pattern}
          aria-describedby={`${id}-pattern-help`}
          onChange={(e) => actions.setHairLoss({ pattern: e.target.value as HairLossPatternId })}
        >
          {HAIR_LOSS_PATTERNS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      {hairLoss.pattern === 'diffuse' && (
        <Field id={`${id}-diffuse`} label="Hair left" unit="% of natural density" hint="Diffuse thinning: the same share of hair everywhere.">
          <Slider
            id={`${id}-diffuse`}
            testId="hair-diffuse"
            value={hairLoss.diffuseRemaining}
            toPosition={(v) => Math.round(v * 100)}
            fromPosition={(p) => p / 100}
            min={0}
            max={100}
            step={5}
            valueText={(p) => `${p} percent`}
            onCommit={(v) => actions.setHairLoss({ diffuseRemaining: v })}
          />
        </Field>
      )}
      <div className="field">
        <span className="sm-label">Correct it on the head</span>
        <div className="button-row" role="group" aria-label="Hair brush">
          <button
            type="button"
            className={painting && brush.mode === 'remove' ? 'primary' : 'secondary'}
            aria-pressed={painting && brush.mode === 'remove'}
            data-testid="brush-remove"
            onClick={() => {
              actions.setBrush({ mode: 'remove' });
              actions.setTool(painting && brush.mode === 'remove' ? 'orbit' : 'brush');
            }}
          >
            Paint bald
          </button>
          <button
            type="button"
            className={painting && brush.mode === 'add' ? 'primary' : 'secondary'}
            aria-pressed={painting && brush.mode === 'add'}
            data-testid="brush-add"
            onClick={() => {
              actions.setBrush({ mode: 'add' });
              actions.setTool(painting && brush.mode === 'add' ? 'orbit' : 'brush');
            }}
          >
            Paint hair
          </button>
        </div>
        {painting && (
          <div className="slider-row brush-size">
            <label htmlFor={`${id}-radius`}>Brush {brush.radiusMm} mm</label>
            <Slider
              id={`${id}-radius`}
              testId="brush-radius"
              value={brush.radiusMm}
              toPosition={Math.round}
              fromPosition={(p) => p}
              min={2}
              max={40}
              step={1}
              valueText={(p) => `${p} millimetres`}
              onCommit={(v) => actions.setBrush({ radiusMm: v })}
            />
          </div>
        )}
        <small className="help">
          {painting ? 'Press and drag on the head to paint; the camera stays still until you choose the brush again. ' : ''}
          {hairLoss.corrections.length} correction{hairLoss.corrections.length === 1 ? '' : 's'} painted.
          {hairLoss.corrections.length > 0 && (
            <>
              {' '}
              <button type="button" className="link" data-testid="brush-clear" onClick={() => actions.setHairLoss({ corrections: [] })}>
                Clear them
              </button>
            </>
          )}
        </small>
      </div>
    </>
  );
}

function StubbleControls() {
  const id = useId();
  const stubble = useAppStore((s) => s.design.stubble);
  const errorField = useAppStore((s) => s.error?.field ?? null);
  const actions = useAppStore((s) => s.actions);
  const density = stubbleSchema.shape.densityFuPerCm2;
  const whorl = stubble.whorl;
  return (
    <>
      <h4 className="subhead">Stubble</h4>
      <Field id={`${id}-fu`} label="Follicular units" unit="per cm²" hint="Where the hair is full; 74 ± 13 measured (Guo et al. 2017), 1–4 hairs each in the published shares.">
        <NumberInput
          id={`${id}-fu`}
          testId="stubble-density"
          value={stubble.densityFuPerCm2}
          min={20}
          max={130}
          step={1}
          format={num1}
          invalid={errorField === 'stubble-density'}
          onCommit={(v) => {
            const r = density.safeParse(v);
            if (!r.success) actions.showError(`${r.error.issues[0].message} (20 to 130).`, 'stubble-density');
            else actions.setStubble({ densityFuPerCm2: v });
          }}
        />
      </Field>
      <Field id={`${id}-shave`} label="Shave length">
        <select id={`${id}-shave`} data-testid="stubble-shave" value={stubble.shaveLengthMm} onChange={(e) => actions.setStubble({ shaveLengthMm: Number(e.target.value) })}>
          {SHAVE_LENGTHS_MM.map((mm) => (
            <option key={mm} value={mm}>
              {SHAVE_NAMES[mm]}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-pair">
        <Field id={`${id}-whorl`} label="Crown whorl" unit="mm right of centre" hint="71 % sit right of the midline (Schmidt et al. 2008).">
          <NumberInput
            id={`${id}-whorl`}
            testId="whorl-offset"
            value={whorl.offsetMm}
            min={-30}
            max={30}
            step={1}
            format={num1}
            invalid={errorField === 'whorl-offset'}
            onCommit={(v) => {
              const r = stubbleSchema.shape.whorl.shape.offsetMm.safeParse(v);
              if (!r.success) actions.showError(`${r.error.issues[0].message} (-30 to 30; negative is left).`, 'whorl-offset');
              else actions.setStubble({ whorl: { ...whorl, offsetMm: v } });
            }}
          />
        </Field>
        <Field id={`${id}-turn`} label="Turning" hint="Seen from above; 84 % turn clockwise.">
          <select id={`${id}-turn`} data-testid="whorl-turn" value={whorl.clockwise ? 'cw' : 'ccw'} onChange={(e) => actions.setStubble({ whorl: { ...whorl, clockwise: e.target.value === 'cw' } })}>
            <option value="cw">Clockwise</option>
            <option value="ccw">Anticlockwise</option>
          </select>
        </Field>
      </div>
    </>
  );
}

export function ClientHairPanel() {
  const look = useAppStore((s) => s.look);
  return (
    <fieldset className="group" data-testid="client-hair">
      <legend>Client's hair</legend>
      <PatternControls />
      <StubbleControls />
      <p className="note">
        {look ? `${look.stubble.unitCount.toLocaleString('en')} follicular units, ${look.stubble.hairCount.toLocaleString('en')} hairs on screen. ` : ''}
        Patterns follow Norwood (1975) and Ludwig (1977), drawn to scale with the head; their exact outlines are illustrative, and the sessions fill the bald and thinning areas up to the design's
        density, counting the client's follicles (an assumption of this app).
      </p>
    </fieldset>
  );
}

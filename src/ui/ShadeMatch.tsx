/** Consultation: which shade of the dilution ladder imitates the client's shaved stubble on their
 * skin. The client's hair colour (a preset, picked or typed in CIELAB), the skin colour typed in
 * CIELAB, the pigment's depth and tone; the stubble, the recommended dot and the skin side by side
 * with their CIEDE2000 difference and a verdict; the whole ladder of the tone; and a button that
 * gives every session the recommended shade. */
import { useMemo } from 'react';
// Not (yet) re-exported by the model's index.
import { CLOSE_BELOW, designShadeMatch, MATCH_BELOW, skinLab, type Design, type PigmentTone, type ShadeMatch as Match, type Verdict } from '../model';
import { useAppStore } from '../state/store';
import { HairColour, SkinTyped } from './ClientColours';
import { PigmentSettings } from './PigmentSettings';
import { Ladder } from './ShadeLadder';
import { capital, fmt2 } from './shadeMatchFormat';
import { Swatch } from './ShadeSwatch';

export { PigmentSettings } from './PigmentSettings';

export const VERDICT_SENTENCE: Record<Verdict, string> = {
  match: 'the healed dots and the stubble are hard to tell apart, even side by side.',
  close: 'the difference is visible side by side but not across a room.',
  'visible mismatch': 'the dots will read as a different colour from the stubble at conversational distance.',
};

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

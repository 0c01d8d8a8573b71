/** How many dots the design makes: the total on screen, the density where every session is at
 * full strength, per session, and the state of the generation. */
import { FULL_RESULT_PER_CM2, fullResultVerdict, type FullResultVerdict } from '../model';
import { useAppStore } from '../state/store';
import { visibleDensity } from './layerLimits';
import { UserText } from './UserText';

const VERDICT: Record<FullResultVerdict, string> = {
  lighter: 'Lighter than a full result',
  near: 'Near a typical full result',
  denser: 'Denser than a typical full result',
};

const num = (n: number) => Math.round(n).toLocaleString('en-US');

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function DotReadout() {
  const layers = useAppStore((s) => s.design.layers);
  const dots = useAppStore((s) => s.dots);
  const status = useAppStore((s) => s.dotsStatus);
  const progress = useAppStore((s) => s.dotsProgress);
  const ms = useAppStore((s) => s.dotsMs);

  // The dots' per-layer counts follow the sessions of the design they were made for; while a
  // session is being added or removed they may not line up yet.
  const counts = dots && dots.layerCounts.length === layers.length ? dots.layerCounts : null;
  const areas = counts ? dots!.layerAreaCm2 : null;
  const total = counts ? layers.reduce((n, l, k) => n + (l.visible ? counts[k] : 0), 0) : null;
  const hidden = counts ? layers.reduce((n, l, k) => n + (l.visible ? 0 : counts[k]), 0) : 0;
  const density = visibleDensity(layers);
  const generating = status === 'generating';
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);

  return (
    <div className="dot-readout" aria-busy={generating}>
      <p className="dot-total" data-testid="dot-count" data-total={total ?? undefined} data-density={density} aria-live="polite">
        <strong>{total === null ? '…' : num(total)}</strong> dots
        {' · '}
        <strong>{num(density)}</strong> dots/cm² where fully treated
      </p>
      <p className="help dot-note">
        {`${VERDICT[fullResultVerdict(density)]} (about ${FULL_RESULT_PER_CM2}/cm²). `}
        Industry rule of thumb, not a measured figure.
        {hidden > 0 && ` ${num(hidden)} dots of hidden sessions not shown.`}
      </p>
      <p className="help dot-note" data-testid="dots-assumption">
        Illustrative estimate: how dark the dots look assumes each one also shadows a soft halo around itself, as light scattered in the skin wanders under the pigment (Jacques 2013); how strong that
        halo is has no published figure. Ink colours are a first-order estimate.
      </p>
      <ul className="dot-sessions">
        {layers.map((l, k) => (
          <li key={l.id} className={l.visible ? undefined : 'muted'}>
            <span className="dot-session-name">
              <UserText text={l.name || `Session ${k + 1}`} />
            </span>
            <span data-testid={`dot-count-${l.id}`} data-count={counts ? counts[k] : undefined}>
              {counts ? `${num(counts[k])} dots` : '…'}
              {counts && areas && areas[k] > 0 ? ` · ${num(counts[k] / areas[k])}/cm²` : ''}
              {l.visible ? '' : ' (hidden)'}
            </span>
          </li>
        ))}
      </ul>
      <div className="dot-status" data-testid="dots-progress">
        {generating ? (
          <>
            <span>Generating… {percent} %</span>
            <progress max={100} value={percent} aria-label="Generating dots" />
          </>
        ) : status === 'error' ? (
          <span className="dot-error">The dots could not be made; see the message above.</span>
        ) : status === 'ready' && ms > 0 ? (
          <span className="muted">Made in {seconds(ms)} on this device.</span>
        ) : (
          <span className="muted">Waiting for the head…</span>
        )}
      </div>
    </div>
  );
}

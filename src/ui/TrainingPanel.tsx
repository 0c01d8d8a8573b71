/** Training: a technician places dots by hand on the head and is told, with numbers and a heat
 * map, what went wrong. The exercise, the placing tool, the score and its worst faults, the model
 * answer, a replay, and the attempts kept on this device. */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { EXERCISES, exerciseById, existingDots, progressRecord, resolveRegion, scorePlacement, type Exercise, type ProgressRecord } from '../model';
import { useAppStore } from '../state/store';
import { training, useTraining } from '../state/training';

/** Scoring waits for the hand to pause: it takes ~20 ms for 2,000 dots. */
const SCORE_DEBOUNCE_MS = 150;
const REPLAY_MS = 6000;

/** Scores the placement whenever it changes (debounced), into the training store. */
function useScoring(exercise: Exercise) {
  const head = useAppStore((s) => s.head);
  const placed = useTraining((s) => s.placed);
  useEffect(() => {
    if (!head) return;
    const timer = setTimeout(() => {
      if (!placed.length) return training.setScore(null);
      const positionsMm = new Float32Array(placed.length * 3);
      placed.forEach((d, i) => positionsMm.set(d.positionMm, 3 * i));
      const placement = { positionsMm, diameterMm: Float32Array.from(placed, (d) => d.diameterMm), timeMs: Float64Array.from(placed, (d) => d.timeMs) };
      training.setScore(scorePlacement(head, exercise, placement, existingDots(head, exercise) ?? undefined));
    }, SCORE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [head, exercise, placed]);
}

/** Scores of past attempts at this exercise, oldest first, as a small line chart. */
function ProgressChart({ records }: { records: ProgressRecord[] }) {
  if (records.length < 1) return <p className="muted">No attempts kept yet.</p>;
  const w = 300;
  const h = 80;
  const x = (i: number) => (records.length === 1 ? w / 2 : 12 + (i * (w - 24)) / (records.length - 1));
  const y = (score: number) => h - 10 - (score / 100) * (h - 20);
  return (
    <svg
      className="progress-chart"
      data-testid="progress-chart"
      data-attempts={records.length}
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={`Scores of ${records.length} attempts: ${records.map((r) => Math.round(r.score)).join(', ')}`}
    >
      <line x1="0" x2={w} y1={y(80)} y2={y(80)} className="progress-good" />
      <polyline points={records.map((r, i) => `${x(i)},${y(r.score)}`).join(' ')} />
      {records.map((r, i) => (
        <circle key={i} cx={x(i)} cy={y(r.score)} r="4">
          <title>{`${new Date(r.dateIso).toLocaleString()}: ${Math.round(r.score)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

export function TrainingPanel() {
  const id = useId();
  const t = useTraining();
  const tool = useAppStore((s) => s.tool);
  const head = useAppStore((s) => s.head);
  const showLandmarks = useAppStore((s) => s.showLandmarks);
  const actions = useAppStore((s) => s.actions);
  const exercise = exerciseById(t.exerciseId) ?? EXERCISES[0];
  useScoring(exercise);
  const placing = tool === 'place';
  const [saved, setSaved] = useState<string | null>(null);
  const replayTimer = useRef<number | null>(null);
  const history = useMemo(() => t.progress.filter((r) => r.exerciseId === exercise.id), [t.progress, exercise.id]);
  const score = t.score;
  const started = t.placed[0]?.timeMs;
  const minutes = started === undefined ? 0 : (t.placed[t.placed.length - 1].timeMs - started) / 60000;

  const focus = () => {
    if (!head) return;
    const r = resolveRegion(head, exercise);
    actions.goTo('focus', { at: r.center, normal: r.normal });
  };
  useEffect(() => () => actions.setTool('orbit'), [actions]);
  useEffect(
    () => () => {
      if (replayTimer.current) cancelAnimationFrame(replayTimer.current);
    },
    [],
  );

  const replay = () => {
    const n = t.placed.length;
    if (!n) return;
    const t0 = performance.now();
    const step = () => {
      const k = Math.min(n, Math.ceil(((performance.now() - t0) / REPLAY_MS) * n));
      training.setReplay(k);
      if (k < n) replayTimer.current = requestAnimationFrame(step);
      else {
        replayTimer.current = null;
        training.setReplay(null);
      }
    };
    step();
  };

  return (
    <>
      <p className="lede">Place dots by hand on the head and be scored on spacing, density, regularity, merges, gaps and the hairline's softness.</p>
      <fieldset className="group" data-testid="training">
        <legend>Exercise</legend>
        <div className="field">
          <label htmlFor={`${id}-ex`}>Exercise</label>
          <select id={`${id}-ex`} data-testid="exercise" value={exercise.id} onChange={(e) => training.setExercise(e.target.value)}>
            {EXERCISES.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
          <small className="help">{exercise.instructions}</small>
        </div>
        <dl className="facts">
          <div>
            <dt>Target</dt>
            <dd>{exercise.targetDensityPerCm2} dots/cm²</dd>
          </div>
          <div>
            <dt>Needle</dt>
            <dd>{exercise.needleDiameterMm.toFixed(2)} mm</dd>
          </div>
          <div>
            <dt>Budget</dt>
            <dd>
              {exercise.budget.dots} dots, {exercise.budget.minutes} min
            </dd>
          </div>
        </dl>
        <div className="button-row">
          <button
            type="button"
            className={placing ? 'primary' : 'secondary'}
            aria-pressed={placing}
            data-testid="place-dots"
            onClick={() => {
              actions.setTool(placing ? 'orbit' : 'place');
              if (!placing) focus();
            }}
          >
            {placing ? 'Stop placing' : 'Place dots'}
          </button>
          <button type="button" className="secondary" data-testid="view-exercise" onClick={focus}>
            Go to the exercise
          </button>
          <button type="button" className="secondary" data-testid="view-crown" onClick={() => actions.goTo('working-distance')}>
            Crown, 18 cm
          </button>
        </div>
        {placing && <small className="help">Click or tap to place a dot; press and drag to place a row at the speed of a needle. The right button (two fingers) turns the head.</small>}
        <div className="button-row">
          <button type="button" className="secondary" data-testid="training-undo" disabled={!t.strokes.length} onClick={() => training.undo()}>
            Undo
          </button>
          <button type="button" className="secondary" data-testid="training-redo" disabled={!t.undone.length} onClick={() => training.redo()}>
            Redo
          </button>
          <button type="button" className="secondary" data-testid="training-clear" disabled={!t.placed.length} onClick={() => training.clear()}>
            Clear
          </button>
        </div>
      </fieldset>

      <fieldset className="group" data-testid="training-score" data-dots={t.placed.length} data-scored-dots={score?.figures.placed ?? ''} data-score={score ? Math.round(score.score) : ''}>
        <legend>Score</legend>
        <p className="score-line">
          <span className="score-big" data-testid="score">
            {score ? Math.round(score.score) : '–'}
          </span>
          <span className="muted"> / 100 · </span>
          <span data-testid="placed-count">{t.placed.length}</span> dots placed
          {score ? ` · ${score.figures.placedPerCm2.toFixed(0)} of ${score.figures.targetPerCm2.toFixed(0)} per cm²` : ''}
        </p>
        {score && score.faults.length > 0 && (
          <ol className="faults" data-testid="faults">
            {score.faults.map((f) => (
              <li key={f.part}>{f.message}</li>
            ))}
          </ol>
        )}
        {score && (
          <dl className="facts">
            <div>
              <dt>Spacing CV</dt>
              <dd>{score.figures.nnCv.toFixed(2)}</dd>
            </div>
            <div>
              <dt>Regularity</dt>
              <dd>{score.figures.regularity.toFixed(2)}</dd>
            </div>
            <div>
              <dt>Merged dots</dt>
              <dd>{score.figures.mergeDots}</dd>
            </div>
            <div>
              <dt>Largest gap</dt>
              <dd>{score.figures.largestGapMm.toFixed(1)} mm</dd>
            </div>
          </dl>
        )}
        <div className="check-row">
          <label>
            <input type="checkbox" data-testid="show-heat" checked={t.showHeat} onChange={(e) => training.setShowHeat(e.target.checked)} /> Heat map
          </label>
          <label>
            <input type="checkbox" data-testid="show-answer" checked={t.showAnswer} onChange={(e) => training.setShowAnswer(e.target.checked)} /> Model answer
          </label>
          <label>
            <input type="checkbox" data-testid="toggle-landmarks" checked={showLandmarks} onChange={(e) => actions.setShowLandmarks(e.target.checked)} /> Landmarks
          </label>
        </div>
        {t.showHeat && (
          <p className="legend-row" aria-label="Heat map colours">
            <span className="key" style={{ background: '#2563eb' }} /> too few <span className="key" style={{ background: '#16a34a' }} /> on target{' '}
            <span className="key" style={{ background: '#dc2626' }} /> too many <span className="key" style={{ background: '#f59e0b' }} /> gap{' '}
            <span className="key" style={{ background: '#c026d3' }} /> merged
          </p>
        )}
        <div className="button-row">
          <button type="button" className="secondary" data-testid="replay" disabled={!t.placed.length || t.replayCount !== null} onClick={replay}>
            Replay
          </button>
          <button
            type="button"
            className="primary"
            data-testid="finish"
            disabled={!score}
            onClick={() => {
              if (!score) return;
              const ok = training.save(progressRecord(exercise.id, new Date(), { score: score.score, figures: { ...score.figures, mergeDots: score.figures.mergeDots, minutes } }));
              setSaved(ok ? `Attempt kept: ${Math.round(score.score)} points.` : null);
            }}
          >
            Finish and keep the score
          </button>
        </div>
        {saved && (
          <p className="note" role="status" data-testid="saved">
            {saved}
          </p>
        )}
        {t.storageError && (
          <p className="warnings" role="alert">
            {t.storageError}
          </p>
        )}
        <p className="note">The score's weights and bounds are this app's own (no published scoring of SMP placement exists); the figures behind it are standard measures of point patterns.</p>
      </fieldset>

      <fieldset className="group" data-testid="progress">
        <legend>Progress</legend>
        <ProgressChart records={history} />
        {t.progressProblems.length > 0 && (
          <ul className="warnings" data-testid="progress-problems">
            {t.progressProblems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
        <small className="help">Kept on this device only.</small>
      </fieldset>
    </>
  );
}

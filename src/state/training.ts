/** Training mode's state: the exercise open, the dots the trainee has placed (in order, with the
 * time of each), what is overlaid, the score, and the attempts kept on this device. Apart from the
 * design store: a practice session is not a client's design. */
import { create } from 'zustand';
import { EXERCISES, parseProgress, type ProgressRecord, type TrainingScore, type Vec3 } from '../model';

export interface PlacedDot {
  positionMm: Vec3;
  diameterMm: number;
  /** performance.now() when it was placed. */
  timeMs: number;
}

export interface TrainingState {
  exerciseId: string;
  placed: PlacedDot[];
  /** Strokes undone, newest last, for redo. */
  undone: PlacedDot[][];
  /** Each stroke's size, so undo takes back a whole stroke (a click is a stroke of one). */
  strokes: number[];
  showAnswer: boolean;
  showHeat: boolean;
  score: TrainingScore | null;
  /** During a replay, how many of the placed dots are shown; null otherwise. */
  replayCount: number | null;
  progress: ProgressRecord[];
  /** Saved attempts that could not be read: reported, skipped, never fatal. */
  progressProblems: string[];
  storageError: string | null;
}

export const PROGRESS_KEY = 'smp-studio.training.progress.v1';

function loadProgress(): Pick<TrainingState, 'progress' | 'progressProblems'> {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(PROGRESS_KEY);
    if (raw === null) return { progress: [], progressProblems: [] };
    const { records, problems } = parseProgress(raw);
    return { progress: records, progressProblems: problems.map((p) => (p.index < 0 ? p.reason : `Saved attempt ${p.index + 1} was skipped: ${p.reason}`)) };
  } catch (e) {
    return { progress: [], progressProblems: [`Saved progress could not be read (${e instanceof Error ? e.message : String(e)}).`] };
  }
}

export const useTraining = create<TrainingState>(() => ({
  exerciseId: EXERCISES[0].id,
  placed: [],
  undone: [],
  strokes: [],
  showAnswer: false,
  showHeat: true,
  score: null,
  replayCount: null,
  storageError: null,
  ...loadProgress(),
}));

const set = useTraining.setState;
const get = useTraining.getState;

export const training = {
  setExercise(id: string) {
    if (get().exerciseId !== id) set({ exerciseId: id, placed: [], undone: [], strokes: [], score: null, showAnswer: false, replayCount: null });
  },
  /** One stroke of dots (a click is one dot). */
  place(dots: PlacedDot[]) {
    if (!dots.length) return;
    set({ placed: [...get().placed, ...dots], strokes: [...get().strokes, dots.length], undone: [] });
  },
  undo() {
    const { placed, strokes, undone } = get();
    const n = strokes[strokes.length - 1];
    if (!n) return;
    set({ placed: placed.slice(0, placed.length - n), strokes: strokes.slice(0, -1), undone: [...undone, placed.slice(placed.length - n)] });
  },
  redo() {
    const { placed, strokes, undone } = get();
    const last = undone[undone.length - 1];
    if (!last) return;
    set({ placed: [...placed, ...last], strokes: [...strokes, last.length], undone: undone.slice(0, -1) });
  },
  clear() {
    const { placed } = get();
    if (placed.length) set({ placed: [], strokes: [], undone: [...get().undone, placed] });
  },
  setScore(score: TrainingScore | null) {
    set({ score });
  },
  setShowAnswer(on: boolean) {
    set({ showAnswer: on });
  },
  setShowHeat(on: boolean) {
    set({ showHeat: on });
  },
  setReplay(count: number | null) {
    set({ replayCount: count });
  },
  /** Keeps the attempt on this device; a full or blocked storage is reported and the attempt stays on screen. */
  save(record: ProgressRecord): boolean {
    const progress = [...get().progress, record];
    try {
      localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
      set({ progress, storageError: null });
      return true;
    } catch (e) {
      set({ progress, storageError: `The attempt is shown but could not be kept on this device (${e instanceof Error ? e.message : String(e)}).` });
      return false;
    }
  },
};

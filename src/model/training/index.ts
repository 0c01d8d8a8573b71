/** Training mode: exercises as data, scoring of hand-placed dots, the model answer, progress. */
export { EXERCISES, exerciseById, exerciseSchema, trainingSchema, defaultTraining } from './exercises';
export type { Exercise, ExerciseRegionSpec, TrainingSettings } from './exercises';
export { resolveRegion, exerciseArea } from './region';
export type { ExerciseRegion, TrainingHead } from './region';
export { scorePlacement, UNDER, OVER, MERGE, GAP } from './score';
export type { Placement, ExistingDots, HeatMap, Gap, HairlineFigures, ScoreFigures, Part, Fault, TrainingScore } from './score';
export { modelAnswer, existingDots, fillRegion } from './modelAnswer';
export type { FillSpec } from './modelAnswer';
export { progressRecordSchema, parseProgress, progressRecord } from './progress';
export type { ProgressRecord, ProgressProblem } from './progress';

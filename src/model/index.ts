/** The public, headless API: tests, benchmarks, workers and scripts use the model through here. */
export { createHead } from './head';
export type { HeadModel, HeadMeasures, Landmark, ScalpChart, Vec3 } from './head/types';
export { LANDMARKS, HeadMeasureError } from './head/types';
export { DEFAULT_MEASURES, MEASURE_LIMITS, MEASURE_SD, measuresAtZ, resolveMeasures } from './head/measures';
export { defaultDesign, parseDesign, designSchema, layerSchema, DesignError, DESIGN_VERSION, MAX_LAYERS } from './design';
export type { Design, Lab } from './design';
export { FITZPATRICK_LAB, itaDeg, itaCategory, skinLab, labToHex } from './color/skin';
export { generateDots, generateDotsFromSpec } from './dots/generate';
export type { DotSet, DotsHead, GenerateOptions } from './dots/generate';
export { DotLimitError, MAX_DOTS, MERGE_SPACING, mergeRefusal } from './dots/limits';
export type { Layer } from './design';

/** The fading simulation's public face; src/model/index.ts re-exports it. */
export { simulateFade, simulateFadeSteps, checkYears, MAX_YEARS } from './simulate';
export type { FadeResult, FadeOptions, FadeHead, FadeDots } from './simulate';
export { planTouchUps, planSample, touchUpCost, MAX_HORIZON_YEARS, PLAN_MAX_DOTS } from './touchUps';
export type { TouchUpPlan, TouchUpCost, TouchUpOptions } from './touchUps';
export { fadeScenarioSchema, defaultFadeScenario, parseFadeScenario, fadePreset, FADE_PRESETS, FADE_PRESET_NAMES, CLIMATES, HATS } from './scenario';
export type { FadeScenario, FadePreset, Climate, Hat } from './scenario';
export { FadeInputError, FadeAbortError } from './errors';
export { effectiveSpf, ambientAnnualDoseKJ, shareOfAmbient, scalpAnnualDoseKJ, orientationFactor, climateUvIndex, CLIMATE_UV_INDEX, HAT_BLOCK } from './uv';
export { healingOf, HEALED_YEARS, HEAL_TIME_YEARS, K_CLEARANCE, K_UV_PER_KJ } from './params';
export { remainingShare } from './evaluate';
export { fadeDisplay, displayRemaining, displayGrowth } from './display';
export { FADE_GLSL } from './formula';
export type { FadeDisplay } from './display';

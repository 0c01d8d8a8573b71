/** Refusing bad colour-model input: every out-of-range value is named with its range, never clamped. */
import type { Lab } from './lab';

/** A colour-model input outside its range. `field` names the input (e.g. `depthMm`, `skin.L`). */
export class ColorInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ColorInputError';
  }
}

/** Throws ColorInputError unless `value` is a finite number within [min, max]. */
export function checkRange(field: string, value: number, min: number, max: number, unit = ''): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ColorInputError(field, `${field} must be a number from ${min} to ${max}${unit} (got ${String(value)})`);
  }
}

/** CIELAB input: L* 0-100, a* and b* -128..127 (the ranges the design schema accepts). */
export function checkLab(field: string, lab: Lab): void {
  if (lab === null || typeof lab !== 'object') throw new ColorInputError(field, `${field} must be a CIELAB colour {L, a, b}`);
  checkRange(`${field}.L`, lab.L, 0, 100);
  checkRange(`${field}.a`, lab.a, -128, 127);
  checkRange(`${field}.b`, lab.b, -128, 127);
}

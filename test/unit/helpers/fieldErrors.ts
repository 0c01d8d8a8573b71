import { expect } from 'vitest';
import { ColorInputError } from '../../../src/model';

/** Each case throws a ColorInputError naming its field. */
export function expectFieldErrors(cases: [() => unknown, string][]): void {
  for (const [run, field] of cases) {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error, `throws for ${field}`).toBeInstanceOf(ColorInputError);
    expect((error as ColorInputError).field).toBe(field);
  }
}

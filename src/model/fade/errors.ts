/** Bad input to the fading simulation: refused with the field named, never clamped. */
export class FadeInputError extends Error {
  constructor(
    /** The input at fault, e.g. `years[2]`, `hoursOutdoorsPerDay`, `sunscreen.spf`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FadeInputError';
  }
}

/** Thrown when a caller's signal aborts a simulation between chunks. */
export class FadeAbortError extends Error {
  constructor() {
    super('The fading simulation was cancelled.');
    this.name = 'AbortError';
  }
}

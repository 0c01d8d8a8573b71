/** Why the client records could not be read or written, in words a clinic understands. Browsers and
 * Dexie report storage faults under many names, often one wrapped in another (`inner`, `cause`);
 * toStorageError maps them all onto a few kinds the UI can act on. */

export type StorageErrorKind = 'unavailable' | 'blocked' | 'quota' | 'invalid' | 'not-found' | 'failed';

export class StorageError extends Error {
  /** For 'invalid': the field refused, e.g. 'name' or 'design.layers.0.densityPerCm2'. */
  readonly field: string | null;

  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    this.field = options.field ?? null;
  }
}

export const QUOTA_MESSAGE = "The device's storage is full, so this was not saved. The design is still on screen: save it to a file instead.";
export const BLOCKED_MESSAGE = 'The client records cannot be opened: SMP Studio is open in another tab with an older version, which keeps them locked. Close the other tab, then reload this one.';
const unavailableMessage = (what: string) =>
  `Could not ${what}: this browser does not let SMP Studio keep records on this device (private browsing, or site data turned off). Designs can still be saved to files.`;

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** IndexedDB missing, refused or gone: nothing can be kept on this device right now. */
const UNAVAILABLE_NAMES = new Set(['MissingAPIError', 'OpenFailedError', 'InvalidStateError', 'SecurityError', 'InvalidAccessError']);

/** The error and everything it wraps: Dexie's `inner`, the standard `cause`, a BulkError's failures. */
function chainOf(e: unknown): unknown[] {
  const out: unknown[] = [];
  const queue: unknown[] = [e];
  while (queue.length > 0 && out.length < 20) {
    const cur = queue.shift();
    if (cur === null || cur === undefined || out.includes(cur)) continue;
    out.push(cur);
    if (typeof cur !== 'object') continue;
    const o = cur as { inner?: unknown; cause?: unknown; failures?: unknown };
    queue.push(o.inner, o.cause);
    if (Array.isArray(o.failures)) queue.push(...o.failures);
  }
  return out;
}

const nameOf = (e: unknown): string => (typeof e === 'object' && e !== null && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : '');
/** DOMException code 22 is QUOTA_EXCEEDED_ERR (older browsers report the code, not the name). */
const isQuota = (e: unknown) => QUOTA_NAMES.has(nameOf(e)) || (e instanceof Error && (e as { code?: unknown }).code === 22);

/** The most specific reason in the chain, for the 'failed' message. */
function reasonOf(chain: unknown[]): string {
  for (let i = chain.length - 1; i >= 0; i--) {
    const e = chain[i];
    if (e instanceof Error && e.message) return e.message;
    if (typeof e === 'string' && e) return e;
  }
  return 'an unknown error';
}

/** Maps anything thrown by IndexedDB or Dexie to a StorageError. `what` says what was being done, as
 * a verb phrase: "save the design", "open the client records". A StorageError passes through. */
export function toStorageError(e: unknown, what: string): StorageError {
  if (e instanceof StorageError) return e;
  const chain = chainOf(e);
  const names = chain.map(nameOf);
  if (chain.some(isQuota)) return new StorageError('quota', QUOTA_MESSAGE, { cause: e });
  const wrapped = chain.find((x) => x instanceof StorageError);
  if (wrapped) return wrapped as StorageError;
  if (names.includes('VersionError')) {
    return new StorageError('unavailable', `Could not ${what}: the client records were saved by a newer version of SMP Studio. Reload the page to get that version.`, { cause: e });
  }
  if (names.includes('DatabaseClosedError')) {
    return new StorageError(
      'unavailable',
      `Could not ${what}: the client records were closed (SMP Studio may have been updated in another tab). Save the design on screen to a file, then reload the page.`,
      { cause: e },
    );
  }
  if (names.some((n) => UNAVAILABLE_NAMES.has(n))) return new StorageError('unavailable', unavailableMessage(what), { cause: e });
  return new StorageError('failed', `Could not ${what}: ${reasonOf(chain)}`, { cause: e });
}

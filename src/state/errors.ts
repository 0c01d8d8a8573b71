/** The error the app shows (one at a time), and how the store's parts read and write the one
 * store: each part sees only the fields it needs. */

/** Writes some of the store's fields (zustand's `set`, narrowed to a part). */
export type SetState<S> = (partial: Partial<S>) => void;
/** Reads the store (zustand's `get`, narrowed to a part). */
export type GetState<S> = () => S;

export interface AppError {
  message: string;
  /** The input the message is about (a head measure), to mark it invalid. */
  field: string | null;
  /** A background job failed: the alert offers to run the failed jobs again (actions.retryFailed). */
  retry?: boolean;
}

/** A job failed: its message, with "Try again" offered. */
export const jobError = (message: string): AppError => ({ message, field: null, retry: true });

/** How to run again each kind of job whose last run failed, for "Try again". */
export type FailedJobs = Map<'head' | 'dots' | 'look' | 'plans', () => void>;

export interface ErrorState {
  error: AppError | null;
}

export interface ErrorActions {
  showError(message: string, field?: string | null): void;
  dismissError(): void;
}

export function createErrorActions(set: SetState<ErrorState>, get: GetState<ErrorState>): ErrorActions {
  return {
    showError(message, field = null) {
      set({ error: { message, field } });
    },
    dismissError() {
      if (get().error) set({ error: null });
    },
  };
}

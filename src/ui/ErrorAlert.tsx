import { stripBidiControls } from '../model';
import { useAppStore } from '../state/store';

/** The last error, in words the user can act on; a failed background job can be run again. */
export function ErrorAlert() {
  const error = useAppStore((s) => s.error);
  const actions = useAppStore((s) => s.actions);
  if (!error) return null;
  return (
    <div className="error-box">
      <p id="app-error" role="alert" data-testid="error">
        {/* Messages may quote a name or a file name: shown in the order it was typed. */}
        {stripBidiControls(error.message)}
      </p>
      {error.retry && (
        <button type="button" className="secondary" data-testid="retry" style={{ whiteSpace: 'nowrap' }} onClick={actions.retryFailed}>
          Try again
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss the message" onClick={actions.dismissError}>
        ×
      </button>
    </div>
  );
}

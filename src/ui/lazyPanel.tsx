/** Panels loaded when they are first shown (React.lazy + Suspense), so the first picture does
 * not wait for their code. `preload()` fetches one ahead (a tab being opened, or the browser idle
 * after the first picture); a panel whose code is already here renders at once, without the
 * loading state. A panel whose code cannot be fetched (offline before the app was kept) says so
 * and offers to try again, and the rest of the app goes on working. */
import { Component, lazy, Suspense, useMemo, useState, type ComponentType, type ReactNode } from 'react';

export interface LazyPanel<P extends object> {
  (props: P): ReactNode;
  /** Fetches the panel's code; resolves once it can be shown at once. */
  preload(): Promise<void>;
}

/** A thenable that calls back at once: React.lazy then resolves without suspending. */
const settled = <T,>(value: T): PromiseLike<T> => ({
  then: (onFulfilled) => (onFulfilled ? onFulfilled(value) : value) as never,
});

/** `label` names the panel in its loading and failure messages ("the shade match"); `fallback`
 * replaces the loading message (the viewer keeps its own element while its code loads). */
export function lazyPanel<P extends object>(label: string, load: () => Promise<ComponentType<P>>, fallback?: ReactNode): LazyPanel<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const fetchPanel = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    ));

  function Panel(props: P) {
    const [attempt, setAttempt] = useState(0);
    // A new lazy component per attempt: React keeps a failed one failed.
    const Lazy = useMemo(() => lazy(() => (loaded ? settled({ default: loaded }) : fetchPanel().then((c) => ({ default: c }))) as Promise<{ default: ComponentType<P> }>), [attempt]);
    return (
      <PanelBoundary label={label} onRetry={() => setAttempt((a) => a + 1)}>
        <Suspense fallback={fallback ?? <PanelLoading label={label} />}>
          <Lazy {...props} />
        </Suspense>
      </PanelBoundary>
    );
  }
  Panel.displayName = `Lazy(${label})`;
  return Object.assign(Panel, { preload: () => fetchPanel().then(() => undefined) });
}

/** Said while a panel's code is on its way. */
export function PanelLoading({ label }: { label: string }) {
  return (
    <div className="panel-loading" role="status" aria-live="polite" aria-busy="true">
      <span className="spinner" aria-hidden="true" /> Loading {label}…
    </div>
  );
}

class PanelBoundary extends Component<{ label: string; onRetry: () => void; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="panel-loading" role="alert">
        {this.props.label[0].toUpperCase() + this.props.label.slice(1)} could not be loaded (is the network off?).{' '}
        <button
          type="button"
          onClick={() => {
            this.setState({ failed: false });
            this.props.onRetry();
          }}
        >
          Try again
        </button>
      </div>
    );
  }
}

/** Undo and redo of design edits, as buttons and as Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y.
 * Inside a text field the keys are left to the field's own undo. */
import { useEffect } from 'react';
import { useAppStore } from '../state/store';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return el.isContentEditable || tag === 'TEXTAREA' || (tag === 'INPUT' && !['range', 'checkbox', 'radio', 'color', 'button'].includes((el as HTMLInputElement).type));
}

export function UndoRedo() {
  const canUndo = useAppStore((s) => s.past.length > 0);
  const canRedo = useAppStore((s) => s.future.length > 0);
  const actions = useAppStore((s) => s.actions);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) actions.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') actions.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  return (
    <div className="undo-redo" role="group" aria-label="Design history">
      <button type="button" data-testid="undo" disabled={!canUndo} title="Undo the last design change (Ctrl+Z)" onClick={() => actions.undo()}>
        ↶ <span className="visually-hidden">Undo</span>
      </button>
      <button type="button" data-testid="redo" disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" onClick={() => actions.redo()}>
        ↷ <span className="visually-hidden">Redo</span>
      </button>
    </div>
  );
}

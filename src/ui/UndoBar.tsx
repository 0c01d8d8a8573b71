import { UserText } from './UserText';

/** "… deleted", with Undo and a way to dismiss: the one bar every deletion offers. */
export function UndoBar({ label, undoTestId, onUndo, onDismiss }: { label: string; undoTestId: string; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div className="undo-bar" role="status">
      <span>
        <UserText text={label} />
      </span>
      <button type="button" className="secondary" data-testid={undoTestId} onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

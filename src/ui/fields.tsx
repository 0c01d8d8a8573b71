/** Number and slider inputs shared by the session and hairline controls. A number input
 * commits on Enter, on leaving it, or at once for the spin buttons and arrow keys; what it
 * shows otherwise is always the value in the store, so a refused value snaps back. A slider
 * commits while it moves, at most once per animation frame, and one drag is one step of the
 * history. */
import { useState, type ReactNode } from 'react';
import { useFrameCommit } from './useFrameCommit';
import { useAppStore } from '../state/store';

interface NumberInputProps {
  id: string;
  testId?: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** How the stored value is written in the input. */
  format: (value: number) => string;
  /** Gets every committed number (NaN for an empty or non-numeric entry) that differs from `value`. */
  onCommit: (value: number) => void;
  invalid?: boolean;
  describedBy?: string;
  label?: string;
}

export function NumberInput({ id, testId, value, min, max, step, format, onCommit, invalid, describedBy, label }: NumberInputProps) {
  /** What is being typed; null shows the stored value. */
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? format(value);

  const commit = (raw: string) => {
    setText(null);
    const typed = raw.trim() === '' ? Number.NaN : Number(raw);
    // What is stored is what the field shows (12.5 in a whole-number field is 13), so the two
    // never differ; what is not a number goes on as it is, to be refused with the reason.
    const n = Number.isFinite(typed) ? Number(format(typed)) : typed;
    if (n !== value && format(n) !== format(value)) onCommit(n);
  };

  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      data-testid={testId}
      min={min}
      max={max}
      step={step}
      value={shown}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => {
        // Typing is committed on Enter or blur; spin buttons and arrow keys (no inputType) at once.
        const typed = (e.nativeEvent as InputEvent).inputType;
        if (typed) setText(e.target.value);
        else commit(e.target.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit(e.currentTarget.value);
        } else if (e.key === 'Escape' && text !== null) {
          e.preventDefault();
          setText(null);
        }
      }}
      onBlur={(e) => {
        if (text !== null) commit(e.currentTarget.value);
      }}
    />
  );
}

interface SliderProps {
  id?: string;
  testId?: string;
  /** The value in the store (in its own units). */
  value: number;
  /** Slider position of a value, and the value of a position (they need not be inverses:
   * several positions may round to one value). */
  toPosition: (value: number) => number;
  fromPosition: (position: number) => number;
  min: number;
  max: number;
  step: number;
  /** Gets values, once per frame at most. */
  onCommit: (value: number) => void;
  /** What a screen reader announces for a position. */
  valueText: (position: number) => string;
  label?: string;
  describedBy?: string;
  className?: string;
  disabled?: boolean;
}

export function Slider({ id, testId, value, toPosition, fromPosition, min, max, step, onCommit, valueText, label, describedBy, className, disabled }: SliderProps) {
  /** Where the thumb was put. It stays there while its commit is pending and afterwards as long
   * as the store holds its value, so a step that rounds to the same value is not undone; a
   * refused or outside change shows the store's value. */
  const [draft, setDraft] = useState<{ position: number; pending: boolean } | null>(null);
  const commit = useFrameCommit((position: number) => {
    setDraft((d) => (d && d.position === position ? { position, pending: false } : d));
    const next = fromPosition(position);
    if (next !== value) onCommit(next);
  });
  const shown = draft && (draft.pending || fromPosition(draft.position) === value) ? draft.position : toPosition(value);
  return (
    <input
      id={id}
      type="range"
      className={className ? `slider ${className}` : 'slider'}
      data-testid={testId}
      min={min}
      max={max}
      step={step}
      value={Math.min(max, Math.max(min, shown))}
      disabled={disabled}
      aria-label={label}
      aria-describedby={describedBy}
      aria-valuetext={valueText(shown)}
      onPointerDown={() => {
        const { beginGesture, endGesture } = useAppStore.getState().actions;
        beginGesture();
        // The release may land off the slider; the last frame's commit is still pending then,
        // and animation frames run in the order they were asked for.
        const end = () => {
          window.removeEventListener('pointerup', end);
          window.removeEventListener('pointercancel', end);
          requestAnimationFrame(() => endGesture());
        };
        window.addEventListener('pointerup', end);
        window.addEventListener('pointercancel', end);
      }}
      onChange={(e) => {
        const position = Number(e.target.value);
        setDraft({ position, pending: true });
        commit(position);
      }}
    />
  );
}

/** A labelled control: label with unit, the control(s), a hint under them. */
export function Field({
  id,
  label,
  unit,
  hint,
  hintId,
  children,
  className,
}: {
  id: string;
  label: string;
  unit?: string;
  hint?: ReactNode;
  hintId?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label} {unit && <span className="unit">{unit}</span>}
      </label>
      {children}
      {hint && (
        <small id={hintId} className="help">
          {hint}
        </small>
      )}
    </div>
  );
}

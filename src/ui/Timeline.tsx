/** The timeline under the head: from fresh through healed to 20 years, with markers, and a
 * before/after comparison of two years either side of a draggable divider on the head. Moving it
 * only changes uniforms: the dots' fading is a closed form evaluated in the shader. */
import { useId, useLayoutEffect, useRef, type RefObject } from 'react';
import { HEALED_YEARS } from '../model';
import { TIMELINE_MAX_YEARS, useAppStore } from '../state/store';
import { setViewInsetBottom } from '../state/viewInset';

const STEPS = 1000;
/** Slider position to years: quadratic, so the first year (healing, the first fading) gets room. */
export const yearsAt = (position: number) => Math.round(TIMELINE_MAX_YEARS * (position / STEPS) ** 2 * 1000) / 1000;
const positionOf = (years: number) => Math.round(Math.sqrt(years / TIMELINE_MAX_YEARS) * STEPS);

export const MARKERS: readonly { years: number; label: string; short?: string }[] = [
  { years: 0, label: 'Fresh', short: '0' },
  { years: HEALED_YEARS, label: 'Healed' },
  { years: 1, label: '1 y' },
  { years: 2, label: '2 y' },
  { years: 5, label: '5 y' },
  { years: 10, label: '10 y' },
  { years: 20, label: '20 y' },
];

/** "Fresh", "Healed (about a month)", "5 years after the sessions". */
export function describeYears(years: number): string {
  if (years === 0) return 'Fresh, the day of the session';
  if (years < 0.2) return `Healed, ${Math.round(years * 52)} weeks after the session`;
  if (years < 1) return `${Math.round(years * 12)} months after the sessions`;
  const y = Math.round(years * 10) / 10;
  return `${y} year${y === 1 ? '' : 's'} after the sessions`;
}

export function Timeline() {
  const id = useId();
  const years = useAppStore((s) => s.years);
  const compare = useAppStore((s) => s.compare);
  const plan = useAppStore((s) => s.fadePlans.own);
  const actions = useAppStore((s) => s.actions);
  const due = plan?.schedule[0];
  const ref = useRef<HTMLDivElement>(null);
  useFloatingInset(ref);
  return (
    <div ref={ref} className="timeline" data-testid="timeline" role="group" aria-label="Timeline">
      <div className="timeline-row">
        <label htmlFor={`${id}-years`} className="timeline-label">
          <span data-testid="timeline-shown">{describeYears(years)}</span>
          {due !== undefined && <span className="muted"> · first touch-up due at {due.toFixed(1)} y</span>}
        </label>
        <label className="timeline-compare">
          <input type="checkbox" data-testid="compare" checked={compare.on} onChange={(e) => actions.setCompare({ on: e.target.checked })} /> Compare with
          <select
            data-testid="compare-years"
            value={compare.years}
            disabled={!compare.on}
            onChange={(e) => actions.setCompare({ years: Number(e.target.value) })}
            aria-label="Year shown right of the divider"
          >
            {MARKERS.map((m) => (
              <option key={m.years} value={m.years}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="timeline-track">
        <input
          id={`${id}-years`}
          type="range"
          className="slider"
          data-testid="timeline-years"
          min={0}
          max={STEPS}
          step={1}
          value={positionOf(years)}
          aria-valuetext={describeYears(years)}
          onChange={(e) => actions.setYears(yearsAt(Number(e.target.value)))}
        />
        <div className="timeline-marks">
          {MARKERS.map((m) => (
            <button
              key={m.years}
              type="button"
              data-testid={`year-${m.label.replace(' ', '')}`}
              aria-pressed={years === m.years}
              style={{ left: `${(positionOf(m.years) / STEPS) * 100}%` }}
              title={m.label}
              // The name holds the visible text, so a spoken "click 0" finds the button.
              aria-label={m.short ? `${m.short} years, ${m.label.toLowerCase()}` : m.label}
              onClick={() => actions.setYears(m.years)}
            >
              {m.short ?? m.label}
            </button>
          ))}
          {plan?.schedule.map((t, k) => (
            <span
              key={k}
              className="timeline-touchup"
              style={{ left: `${(positionOf(Math.min(t, TIMELINE_MAX_YEARS)) / STEPS) * 100}%` }}
              title={`Touch-up due at ${t.toFixed(1)} years`}
              aria-hidden="true"
            />
          ))}
        </div>
      </div>
    </div>
  );
}

/** Where the stylesheet floats the timeline over the view (phones), the head is framed above it. */
function useFloatingInset(ref: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setViewInsetBottom(getComputedStyle(el).position === 'absolute' ? el.offsetHeight : 0);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // A rotation or a resize across the phone breakpoint changes the position, not the size.
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
      setViewInsetBottom(0);
    };
  }, [ref]);
}

/** The divider over the head when two years are compared: drag it (mouse, touch, pen). */
export function CompareDivider() {
  const compare = useAppStore((s) => s.compare);
  const years = useAppStore((s) => s.years);
  const actions = useAppStore((s) => s.actions);
  const ref = useRef<HTMLDivElement>(null);
  if (!compare.on) return null;
  const move = (clientX: number) => {
    const box = ref.current?.parentElement?.getBoundingClientRect();
    if (box) actions.setCompare({ split: Math.min(0.95, Math.max(0.05, (clientX - box.left) / box.width)) });
  };
  return (
    <div
      ref={ref}
      className="compare-divider"
      data-testid="compare-divider"
      style={{ left: `${compare.split * 100}%` }}
      role="separator"
      aria-orientation="vertical"
      aria-valuenow={Math.round(compare.split * 100)}
      aria-valuemin={5}
      aria-valuemax={95}
      aria-label="Divider between the two years"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') actions.setCompare({ split: compare.split + (e.key === 'ArrowLeft' ? -0.05 : 0.05) });
      }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        move(e.clientX);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) move(e.clientX);
      }}
    >
      <span className="compare-tag compare-left">{MARKERS.find((m) => m.years === years)?.label ?? `${Math.round(years * 10) / 10} y`}</span>
      <span className="compare-tag compare-right">{MARKERS.find((m) => m.years === compare.years)?.label}</span>
    </div>
  );
}

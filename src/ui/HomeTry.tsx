/** Try at home: one big slider for the density of all sessions together and one for their
 * shade, relative to the design the clinic sent. Phone-sized. */
import { useEffect, useId, useRef, useState } from 'react';
import { HAIRLINE_STYLES, withStyle, type Design, type Hairline, type Layer } from '../model';
import { STYLE_NAMES } from './HairlineDesigner';
import { useAppStore } from '../state/store';
import { Slider } from './fields';
import { maxDensityFor, visibleDensity } from './layerLimits';

interface Base {
  layers: Pick<Layer, 'id' | 'densityPerCm2' | 'diameterMm' | 'shade'>[];
}

const same = (x: number) => x;
const DENSITY_RANGE = { min: 50, max: 150 };
const SHADE_RANGE = { min: -50, max: 50 };

/** Density scaled by `percent`, shade moved `darker` % of the way toward black (or, negative, toward the lightest dilution). */
function apply(base: Base, percent: number, darker: number) {
  const t = darker / 100;
  return base.layers.map((l) => ({
    id: l.id,
    densityPerCm2: Math.max(1, Math.round((l.densityPerCm2 * percent) / 100)),
    shade: Math.round((t < 0 ? l.shade * (1 + t) : l.shade + (1 - l.shade) * t) * 100) / 100,
  }));
}

const baseOf = (layers: Layer[]): Base => ({
  layers: layers.map(({ id, densityPerCm2, diameterMm, shade }) => ({ id, densityPerCm2, diameterMm, shade })),
});

function shadeWord(darker: number): string {
  if (darker === 0) return 'as designed';
  return darker < 0 ? `${-darker} % lighter` : `${darker} % darker`;
}

/** Kept across mode switches: what 100 % is, and where the sliders are. */
const memory: { base: Base | null; hairline: Hairline | null; percent: number; darker: number } = { base: null, hairline: null, percent: 100, darker: 0 };

/** True when `layers` are the remembered base with the sliders' changes applied. */
function matchesMemory(layers: Layer[]): boolean {
  const base = memory.base;
  if (!base) return false;
  const expected = apply(base, memory.percent, memory.darker);
  return (
    expected.length === layers.length &&
    expected.every((e, k) => {
      const l = layers[k];
      return l.id === e.id && l.densityPerCm2 === e.densityPerCm2 && l.shade === e.shade && l.diameterMm === base.layers[k].diameterMm;
    })
  );
}

function rebase(design: Design) {
  memory.base = baseOf(design.layers);
  memory.hairline = design.hairline;
  memory.percent = 100;
  memory.darker = 0;
}

export function HomeTry() {
  const id = useId();
  const actions = useAppStore((s) => s.actions);
  const density = useAppStore((s) => visibleDensity(s.design.layers));
  const [, setVersion] = useState(0);
  const applying = useRef(false);
  if (!matchesMemory(useAppStore.getState().design.layers)) rebase(useAppStore.getState().design);
  const { percent, darker } = memory;
  const base = memory.base!;

  // A design changed elsewhere (a file opened, a session edited) becomes the new 100 %.
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (applying.current || s.design.layers === prev.design.layers) return;
        if (!matchesMemory(s.design.layers)) {
          rebase(s.design);
          setVersion((v) => v + 1);
        }
      }),
    [],
  );

  const commit = (next: { percent: number; darker: number }) => {
    memory.percent = next.percent;
    memory.darker = next.darker;
    setVersion((v) => v + 1);
    const target = apply(memory.base!, next.percent, next.darker);
    applying.current = true;
    try {
      for (const t of target) {
        const l = useAppStore.getState().design.layers.find((x) => x.id === t.id);
        if (l && (l.densityPerCm2 !== t.densityPerCm2 || l.shade !== t.shade)) {
          actions.updateLayer(t.id, { densityPerCm2: t.densityPerCm2, shade: t.shade });
        }
      }
    } finally {
      applying.current = false;
    }
  };

  // The most every session allows before its dots would merge.
  const maxPercent = Math.max(DENSITY_RANGE.min, Math.min(DENSITY_RANGE.max, ...base.layers.map((l) => Math.floor((maxDensityFor(l.diameterMm) / l.densityPerCm2) * 100))));
  const hairline = useAppStore((s) => s.design.hairline);
  const clinicHairline = memory.hairline;
  const changed = percent !== 100 || darker !== 0 || (clinicHairline !== null && hairline !== clinicHairline);
  const reset = () => {
    commit({ percent: 100, darker: 0 });
    if (clinicHairline && useAppStore.getState().design.hairline !== clinicHairline) actions.setHairline(clinicHairline);
  };

  return (
    <div className="group home-try" data-testid="home-try">
      <h3 className="group-title">Try it</h3>
      <div className="field field-big">
        <label id={`${id}-density-label`} htmlFor={`${id}-density`}>
          Density{' '}
          <span className="unit">
            {percent} % · {density} dots/cm²
          </span>
        </label>
        <Slider
          id={`${id}-density`}
          testId="home-density"
          className="slider-big"
          value={percent}
          toPosition={same}
          fromPosition={same}
          min={DENSITY_RANGE.min}
          max={maxPercent}
          step={5}
          valueText={(p) => `${p} % of the designed density`}
          describedBy={`${id}-density-ends`}
          onCommit={(p) => commit({ percent: p, darker: memory.darker })}
        />
        <div id={`${id}-density-ends`} className="slider-ends help">
          <span>fewer dots</span>
          <span>more dots</span>
        </div>
      </div>
      <div className="field field-big">
        <label htmlFor={`${id}-shade`}>
          Shade <span className="unit">{shadeWord(darker)}</span>
        </label>
        <Slider
          id={`${id}-shade`}
          testId="home-shade"
          className="slider-big slider-shade"
          value={darker}
          toPosition={same}
          fromPosition={same}
          min={SHADE_RANGE.min}
          max={SHADE_RANGE.max}
          step={5}
          valueText={(d) => shadeWord(d)}
          describedBy={`${id}-shade-ends`}
          onCommit={(d) => commit({ percent: memory.percent, darker: d })}
        />
        <div id={`${id}-shade-ends`} className="slider-ends help">
          <span>lighter</span>
          <span>darker</span>
        </div>
      </div>
      <HomeHairline />
      <button type="button" className="secondary" data-testid="home-reset" disabled={!changed} onClick={reset}>
        Back to the clinic's design
      </button>
    </div>
  );
}

/** The hairline's style as big buttons: the look a client most wants to try. */
function HomeHairline() {
  const hairline = useAppStore((s) => s.design.hairline);
  const actions = useAppStore((s) => s.actions);
  return (
    <fieldset className="field field-big home-hairline" data-testid="home-hairline">
      <legend>Hairline</legend>
      <div className="choice-row">
        {HAIRLINE_STYLES.map((style) => (
          <button
            key={style}
            type="button"
            className={style === hairline.style ? 'choice big selected' : 'choice big'}
            aria-pressed={style === hairline.style}
            onClick={() => style !== hairline.style && actions.setHairline(withStyle(hairline, style))}
          >
            <span className="style-long">{STYLE_NAMES[style]}</span>
            <span className="style-short">{style}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}

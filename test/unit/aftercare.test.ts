import { beforeAll, describe, expect, it } from 'vitest';
import {
  aftercareAdvice,
  aftercareScenarios,
  defaultDesign,
  defaultFadeScenario,
  fadePreset,
  FadeInputError,
  generateDots,
  healingOf,
  planTouchUps,
  type AftercareItem,
  type AftercarePlanFigures,
  type Design,
  type DotSet,
  type FadeScenario,
  type HabitFigures,
  type HealingFigures,
  type HeadModel,
} from '../../src/model';
import { defaultHead } from './helpers/defaultHead';

const HORIZON = 20;
let head: HeadModel;
let design: Design;
let dots: DotSet;
beforeAll(() => {
  head = defaultHead();
  design = defaultDesign();
  dots = generateDots(head, design);
});

/** The client's plan and every variant's, as the fade worker would make them (subsampled for speed). */
function planAll(base: FadeScenario): Record<string, AftercarePlanFigures> {
  const plans: Record<string, AftercarePlanFigures> = { base: planTouchUps(head, design, dots, base, HORIZON, { maxDots: 4000 }) };
  for (const v of aftercareScenarios(base)) plans[v.id] = planTouchUps(head, design, dots, v.scenario, HORIZON, { maxDots: 4000 });
  return plans;
}
const item = (items: AftercareItem[], id: string) => items.find((i) => i.id === id)!;
const yr = (t: number) => t.toFixed(1);
const laterBy = (next: number, now: number) => (Math.round(next * 10) / 10 - Math.round(now * 10) / 10).toFixed(1);
const withFaults = (s: FadeScenario, faults: Partial<FadeScenario['aftercare']>): FadeScenario => ({ ...s, aftercare: { ...s.aftercare, ...faults } });

describe('aftercareScenarios', () => {
  it('lists at most 8 variants, each one habit away from the client, none equal to the client or each other', () => {
    const spf50Generous: FadeScenario = { ...fadePreset('spf50-hat'), sunscreen: { spf: 50, amountMgPerCm2: 2 } };
    const cases: [string, FadeScenario, number][] = [
      ['default', defaultFadeScenario(), 7],
      ['outdoor Australia unprotected', fadePreset('outdoor-australia-unprotected'), 6],
      ['SPF 50 at 1 mg/cm² + hat', fadePreset('spf50-hat'), 7],
      ['SPF 50 at 2 mg/cm² + hat', spf50Generous, 6],
      ['every fault, hat sometimes', { ...withFaults(defaultFadeScenario(), { washedBeforeDay4: true, sweating: true, sunWhileHealing: true, pickedScabs: true }), hat: 'sometimes' }, 7],
      ['no daylight outdoors', { ...defaultFadeScenario(), hoursOutdoorsPerDay: 0 }, 4],
    ];
    for (const [name, base, expected] of cases) {
      const vs = aftercareScenarios(base);
      const json = vs.map((v) => JSON.stringify(v.scenario));
      const changed = vs.map((v) => {
        const keys = (Object.keys(base) as (keyof FadeScenario)[]).filter((k) => JSON.stringify(v.scenario[k]) !== JSON.stringify(base[k]));
        const flags = keys.includes('aftercare') ? (Object.keys(base.aftercare) as (keyof FadeScenario['aftercare'])[]).filter((f) => v.scenario.aftercare[f] !== base.aftercare[f]).length : 0;
        return `${keys.join('+')}${flags ? `(${flags})` : ''}`;
      });
      console.log(`${name}: ${vs.length} variants: ${vs.map((v, i) => `${v.id} [${changed[i]}]`).join(', ')}`);
      expect(vs.length).toBe(expected);
      expect(vs.length).toBeLessThanOrEqual(8);
      expect(new Set(json).size).toBe(vs.length);
      expect(new Set(vs.map((v) => v.id)).size).toBe(vs.length);
      expect(json).not.toContain(JSON.stringify(base));
      // One habit each: one top-level field, and within aftercare one flag.
      for (const c of changed) expect(['aftercare(1)', 'sunscreen', 'hat']).toContain(c);
    }
  });

  it('refuses a bad scenario, naming the field', () => {
    const bad = { ...defaultFadeScenario(), hoursOutdoorsPerDay: 30 };
    expect(() => aftercareScenarios(bad)).toThrow(FadeInputError);
    expect(() => aftercareScenarios(bad)).toThrow('Hours outdoors must be at most 24 h a day');
  });
});

describe('aftercareAdvice', () => {
  it('outdoor Australia unprotected: SPF 50 and a hat each put the first touch-up years later, as printed', () => {
    const base = fadePreset('outdoor-australia-unprotected');
    const items = aftercareAdvice(base, planAll(base), HORIZON);
    for (const id of ['sunscreen', 'hat']) {
      const it = item(items, id);
      const f = it.figures as HabitFigures;
      const now = f.client.plan!;
      const next = f.better!.plan!;
      console.log(`${id}: ${it.worth}`);
      expect(it.followed).toBe(false);
      expect(it.when).toBe('long-term');
      expect(f.without).toBeNull();
      expect(next.firstTouchUpYears! - now.firstTouchUpYears!).toBeGreaterThan(0.5);
      expect(Number(laterBy(next.firstTouchUpYears!, now.firstTouchUpYears!))).toBeGreaterThan(0);
      expect(it.worth).toContain(
        `first touch-up at ${yr(next.firstTouchUpYears!)} years instead of ${yr(now.firstTouchUpYears!)} (${laterBy(next.firstTouchUpYears!, now.firstTouchUpYears!)} years later)`,
      );
      const saved = now.touchUps - next.touchUps;
      expect(saved).toBeGreaterThan(0);
      expect(it.worth).toContain(`${next.touchUps} touch-ups instead of ${now.touchUps} over 20 years, saving $${(300 * saved).toLocaleString('en-US')}–$${(500 * saved).toLocaleString('en-US')}`);
    }
    expect(item(items, 'sunscreen').worth).toContain('Now: no sunscreen. SPF 50 at 2 mg/cm² every day: first touch-up at');
    expect(item(items, 'hat').worth).toContain('Now: no hat. A hat whenever outdoors: first touch-up at');
  });

  it('a client already at SPF 50 and a hat: followed, and prices stopping', () => {
    const base: FadeScenario = { ...fadePreset('spf50-hat'), sunscreen: { spf: 50, amountMgPerCm2: 2 } };
    const items = aftercareAdvice(base, planAll(base), HORIZON);
    for (const [id, stop] of [
      ['sunscreen', 'Stopping'],
      ['hat', 'Without a hat'],
    ] as const) {
      const it = item(items, id);
      const f = it.figures as HabitFigures;
      const now = f.client.plan!;
      const without = f.without!.plan!;
      console.log(`${id}: ${it.worth}`);
      expect(it.followed).toBe(true);
      expect(f.better).toBeNull();
      expect(without.firstTouchUpYears!).toBeLessThan(now.firstTouchUpYears!);
      // Touch-ups are whole: a small shift in the first one need not add one within 20 years.
      expect(without.touchUps).toBeGreaterThanOrEqual(now.touchUps);
      expect(it.worth).toContain(
        `You already do this${id === 'sunscreen' ? ' (SPF 50 at 2 mg/cm²)' : ''}. ${stop}: first touch-up at ${yr(without.firstTouchUpYears!)} years instead of ${yr(now.firstTouchUpYears!)} (${laterBy(now.firstTouchUpYears!, without.firstTouchUpYears!)} years sooner)`,
      );
      const extra = without.touchUps - now.touchUps;
      expect(it.worth).toContain(
        extra > 0 ? `${without.touchUps} touch-ups instead of ${now.touchUps} over 20 years, $${300 * extra}–$${500 * extra} more` : `the same ${now.touchUps} touch-ups over 20 years`,
      );
    }
  });

  it('SPF 50 put on thinly counts as followed, and prices both stopping and applying it generously', () => {
    const base = fadePreset('spf50-hat');
    const items = aftercareAdvice(base, planAll(base), HORIZON);
    const it = item(items, 'sunscreen');
    const f = it.figures as HabitFigures;
    console.log(`sunscreen, SPF 50 at 1 mg/cm²: ${it.worth}`);
    expect(it.followed).toBe(true);
    expect(f.better!.label).toBe('SPF 50 at 2 mg/cm²');
    expect(f.better!.plan!.firstTouchUpYears!).toBeGreaterThanOrEqual(f.client.plan!.firstTouchUpYears!);
    expect(f.without!.plan!.firstTouchUpYears!).toBeLessThan(f.client.plan!.firstTouchUpYears!);
    expect(it.worth).toContain('You already do this (SPF 50 at 1 mg/cm²). Stopping: first touch-up at');
    expect(it.worth).toContain('Applied more generously (SPF 50 at 2 mg/cm²): first touch-up');
  });

  it('a healing fault lowers the pigment kept as healingOf says, and the text gives both percentages', () => {
    const base = defaultFadeScenario();
    const plans = planAll(base);
    const items = aftercareAdvice(base, plans, HORIZON);
    const scabs = item(items, 'pickedScabs');
    const f = scabs.figures as HealingFigures;
    const kept = healingOf(base.aftercare).meanRetention;
    const picked = healingOf({ ...base.aftercare, pickedScabs: true }).meanRetention;
    for (const it of items) console.log(`[${it.when}] ${it.title} (followed: ${it.followed})\n  ${it.advice}\n  ${it.worth}`);
    expect(scabs.followed).toBe(true);
    expect(scabs.when).toBe('healing');
    expect(f.followed.meanRetention).toBeCloseTo(kept, 12);
    expect(f.broken.meanRetention).toBeCloseTo(picked, 12);
    expect(picked).toBeLessThan(kept);
    expect(f.broken.lostShare).toBeGreaterThan(f.followed.lostShare);
    expect(scabs.worth).toContain(
      `Picking the scabs would lose about ${Math.round(kept * 100) - Math.round(picked * 100)} more points of pigment: ${Math.round(picked * 100)}% kept instead of ${Math.round(kept * 100)}%`,
    );
    // Healed contrast from the two real plans, and its loss as a share of the good-aftercare one.
    const cGood = plans.base.healedContrastDeltaE00;
    const cPicked = plans['pickedScabs:broken'].healedContrastDeltaE00;
    expect(cPicked).toBeLessThan(cGood);
    expect(f.contrastLossDeltaE00!).toBeCloseTo(cGood - cPicked, 12);
    expect(f.contrastLossShare!).toBeCloseTo((cGood - cPicked) / cGood, 12);
    expect(scabs.worth).toContain(`with ${Math.round((100 * (cGood - cPicked)) / cGood)}% less contrast (${(cGood - cPicked).toFixed(2)} ΔE00) than with the rule kept`);
    expect(scabs.worth).toContain(`over 20 years`);
  });

  it('a client who washed early is told what keeping dry would have kept', () => {
    const base = withFaults(defaultFadeScenario(), { washedBeforeDay4: true });
    const items = aftercareAdvice(base, planAll(base), HORIZON);
    const wash = item(items, 'washedBeforeDay4');
    const f = wash.figures as HealingFigures;
    console.log(`washed early: ${wash.worth}`);
    expect(wash.followed).toBe(false);
    expect(f.broken.plan!.id).toBe('base');
    expect(f.followed.plan!.id).toBe('washedBeforeDay4:followed');
    expect(f.followed.meanRetention - f.broken.meanRetention).toBeCloseTo(0.05, 12);
    expect(wash.worth).toContain('Keeping the scalp dry until day 4 would keep about 70% of the pigment instead of 65% (5 points more)');
    expect(item(items, 'sweating').followed).toBe(true);
  });

  it('says moisturising is not modelled, with no figures', () => {
    const base = defaultFadeScenario();
    const m = item(aftercareAdvice(base, {}, HORIZON), 'moisturise');
    expect(m.followed).toBeNull();
    expect(m.figures).toBeNull();
    expect(m.worth).toMatch(/^Not modelled: /);
    expect(m.worth).not.toMatch(/\d/);
  });

  it('says "not estimated" for a missing plan rather than guess', () => {
    const base = fadePreset('outdoor-australia-unprotected');
    const plans = planAll(base);
    delete plans['sunscreen:good-practice'];
    delete plans['sweating:broken'];
    const items = aftercareAdvice(base, plans, HORIZON);
    const sun = item(items, 'sunscreen');
    expect(sun.worth).toBe('Now: no sunscreen. SPF 50 at 2 mg/cm² every day: not estimated.');
    expect((sun.figures as HabitFigures).better!.plan).toBeNull();
    const sweat = item(items, 'sweating');
    expect(sweat.worth).toContain('Its effect on contrast and touch-ups was not estimated.');
    expect(sweat.worth).toContain('Sweating or a sauna while healing would lose about 5 more points of pigment: 65% kept instead of 70%');
    expect((sweat.figures as HealingFigures).contrastLossDeltaE00).toBeNull();
    // The hat's plan is there: still priced.
    expect(item(items, 'hat').worth).toMatch(/first touch-up at \d+\.\d years instead of \d+\.\d/);
    // With no plans at all, nothing is priced.
    for (const it of aftercareAdvice(base, {}, HORIZON)) {
      if (it.id !== 'moisturise') expect(it.worth).toMatch(/not estimated/);
    }
  });

  it('says "none within N years" when no touch-up falls due within the horizon', () => {
    const base = fadePreset('outdoor-australia-unprotected');
    const plans = planAll(base);
    const horizon = 3;
    const hat = item(aftercareAdvice(base, plans, horizon), 'hat');
    const f = hat.figures as HabitFigures;
    const now = f.client.plan!.firstTouchUpYears!;
    console.log(`hat over ${horizon} years: ${hat.worth}`);
    expect(now).toBeLessThan(horizon);
    expect(f.better!.plan!.firstTouchUpYears).toBeNull();
    expect(plans['hat:always'].schedule[0]).toBeGreaterThan(horizon);
    expect(hat.worth).toContain(`first touch-up none within 3 years instead of at ${yr(now)} years (more than ${(horizon - Math.round(now * 10) / 10).toFixed(1)} years later)`);
    const count = plans.base.schedule.filter((t) => t <= horizon).length;
    expect(f.client.plan!.touchUps).toBe(count);
    expect(hat.worth).toContain(`no touch-ups instead of ${count} over 3 years`);
  });

  it('prices no sun rule when no UV reaches the scalp, and refuses a bad horizon', () => {
    const base: FadeScenario = { ...defaultFadeScenario(), hoursOutdoorsPerDay: 0 };
    const items = aftercareAdvice(base, {}, HORIZON);
    for (const id of ['sunscreen', 'hat']) {
      expect(item(items, id).figures).toBeNull();
      expect(item(items, id).worth).toBe('No difference in the simulation: with no daylight hours outdoors it counts no UV on your scalp. Keep to it on days you are out in the sun.');
    }
    expect(items.map((i) => i.id)).toEqual(['washedBeforeDay4', 'sweating', 'sunWhileHealing', 'pickedScabs', 'moisturise', 'sunscreen', 'hat']);
    let field = '';
    try {
      aftercareAdvice(base, {}, 0);
    } catch (e) {
      expect(e).toBeInstanceOf(FadeInputError);
      field = (e as FadeInputError).field;
    }
    expect(field).toBe('horizonYears');
  });
});

/** Personal aftercare: the clinic's rules (SCIENCE.md section 1: no washing for ~3-4 days, no
 * sweating, no sun while healing, moisturise after healing, sunscreen long term; plus leaving the
 * scabs alone and a hat), each with what the fading simulation says it is worth for this client.
 *
 * Two steps, so the slow part runs in the fade worker: `aftercareScenarios` lists the variants of the
 * client's scenario that price the rules (each differs from the client's in one habit), the caller
 * plans each with `planTouchUps`, and `aftercareAdvice` words the comparison.
 *
 * Healing rules: the touch-up threshold is a share of the healed contrast, so a healing fault need
 * not move the first touch-up much; what it costs is pigment kept at healing (`healingOf`) and
 * healed contrast, then any change in touch-ups. Long-term rules (sunscreen, hat) change the yearly
 * UV dose, so they are priced in years to the first touch-up and touch-ups over the horizon.
 * Moisturising has no parameter in the model and is said to be not modelled. */
import { FadeInputError } from './fade/errors';
import { healingOf } from './fade/params';
import { parseFadeScenario, type FadeScenario } from './fade/scenario';
import { MAX_HORIZON_YEARS, type Range, type TouchUpPlan } from './fade/touchUps';
import { effectiveSpf, HAT_BLOCK, LABEL_AMOUNT_MG_PER_CM2, scalpAnnualDoseKJ } from './fade/uv';

/** Good practice for sunscreen: SPF 50 applied at the amount the label SPF is tested at (ISO 24444).
 * People apply about half that (Stenberg & Larko 1985), which gives about sqrt(SPF) (uv.ts). */
export const GOOD_SUNSCREEN: Readonly<FadeScenario['sunscreen']> = { spf: 50, amountMgPerCm2: LABEL_AMOUNT_MG_PER_CM2 };

export type AftercarePlanFigures = Pick<TouchUpPlan, 'schedule' | 'healedContrastDeltaE00' | 'cost'>;

/** One planned scenario, reduced to what the advice prints. */
export interface PlanSummary {
  /** Its id among aftercareScenarios' ('base' = the client's own). */
  id: string;
  /** Years after the first treatment; null = none within the horizon. */
  firstTouchUpYears: number | null;
  /** Touch-ups due within the horizon. */
  touchUps: number;
  healedContrastDeltaE00: number;
}

/** A side of a comparison; `plan` is null when its plan was not estimated (missing from `plans`). */
export interface AftercareSide {
  label: string;
  plan: PlanSummary | null;
}

export interface HealingFigures {
  kind: 'healing';
  horizonYears: number;
  /** Mean retention of a dot that holds (healingOf), 0..1, and the share of dots lost outright. */
  followed: AftercareSide & { meanRetention: number; lostShare: number };
  broken: AftercareSide & { meanRetention: number; lostShare: number };
  /** Healed contrast lost by breaking the rule, ΔE00 and as a share of the followed one; null when
   * not estimated. */
  contrastLossDeltaE00: number | null;
  contrastLossShare: number | null;
}

export interface HabitFigures {
  kind: 'habit';
  horizonYears: number;
  currency: string;
  touchUpEach: Range;
  /** The client's own habit. */
  client: AftercareSide;
  /** The rule kept at good practice, when that protects more than the client's habit. */
  better: AftercareSide | null;
  /** Without the protection, when the client has some. */
  without: AftercareSide | null;
}

export interface AftercareItem {
  id: string;
  title: string;
  advice: string;
  when: 'healing' | 'long-term';
  /** Whether the client's scenario says they keep the rule; null when the model has no such habit. */
  followed: boolean | null;
  /** What keeping (or breaking) the rule is worth for this client, in words. */
  worth: string;
  /** The numbers `worth` prints; null when the rule is not modelled or makes no difference. */
  figures: HealingFigures | HabitFigures | null;
}

type Fault = keyof FadeScenario['aftercare'];

interface HealingRule {
  fault: Fault;
  title: string;
  advice: string;
  /** The fault, as the subject of "would lose ...". */
  breaking: string;
  /** Keeping the rule, as the subject of "would keep ...". */
  keeping: string;
}

const HEALING_RULES: readonly HealingRule[] = [
  {
    fault: 'washedBeforeDay4',
    title: 'Keep the scalp dry for 4 days',
    advice: 'Do not wash or wet the scalp for the first 4 days after each session.',
    breaking: 'Washing the scalp before day 4',
    keeping: 'Keeping the scalp dry until day 4',
  },
  {
    fault: 'sweating',
    title: 'No sweating or sauna while healing',
    advice: 'No gym, sauna, steam room or other heavy sweating until the scalp has healed.',
    breaking: 'Sweating or a sauna while healing',
    keeping: 'Avoiding sweat and sauna while healing',
  },
  {
    fault: 'sunWhileHealing',
    title: 'No sun while healing',
    advice: 'Keep the treated scalp out of direct sun until it has healed: stay in the shade or wear a loose hat.',
    breaking: 'Sun on the scalp while healing',
    keeping: 'Keeping the sun off the scalp while healing',
  },
  {
    fault: 'pickedScabs',
    title: 'Leave the scabs alone',
    advice: 'Do not pick or scratch the small scabs; let them fall off on their own.',
    breaking: 'Picking the scabs',
    keeping: 'Leaving the scabs alone',
  },
];

/** Scenario ids, stable: what the variant changes, everything else being the client's. */
const healingId = (fault: Fault, followed: boolean) => `${fault}:${followed ? 'followed' : 'broken'}`;
const SUNSCREEN_BETTER = 'sunscreen:good-practice';
const SUNSCREEN_NONE = 'sunscreen:none';
const HAT_ALWAYS = 'hat:always';
const HAT_NONE = 'hat:none';

const HAT_LABELS: Record<FadeScenario['hat'], string> = { none: 'no hat', sometimes: 'a hat sometimes', always: 'a hat whenever outdoors' };
const sunscreenLabel = (s: FadeScenario['sunscreen']) => (s.spf <= 1 ? 'no sunscreen' : `SPF ${s.spf} at ${s.amountMgPerCm2} mg/cm²`);

/** Sunscreen at good practice, never less than the client's own SPF or amount. */
function betterSunscreen(s: FadeScenario['sunscreen']): FadeScenario['sunscreen'] {
  return { spf: Math.max(GOOD_SUNSCREEN.spf, s.spf), amountMgPerCm2: Math.max(GOOD_SUNSCREEN.amountMgPerCm2, s.amountMgPerCm2) };
}
const sunscreenFollowed = (s: FadeScenario['sunscreen']) => s.spf >= GOOD_SUNSCREEN.spf;
const hasBetterSunscreen = (s: FadeScenario['sunscreen']) => {
  const b = betterSunscreen(s);
  return effectiveSpf(b.spf, b.amountMgPerCm2) > effectiveSpf(s.spf, s.amountMgPerCm2);
};
/** No UV reaches the scalp (no daylight hours outdoors, or a UV index of 0): sun rules change nothing. */
const noUv = (s: FadeScenario) => scalpAnnualDoseKJ(s) === 0;

/** The variants of the client's scenario to plan with `planTouchUps` (at most 7, none equal to
 * `base` or to each other). The client's own scenario is not listed: pass its plan as plans.base.
 * Healing rules: the scenario with the one fault toggled. Sunscreen: good practice (GOOD_SUNSCREEN)
 * when it protects more than the client's, and none when the client uses some. Hat: always when the
 * client does not always wear one, else none. Sun rules are skipped when no UV reaches the scalp.
 * Throws FadeInputError naming the field for a bad scenario. */
export function aftercareScenarios(base: FadeScenario): { id: string; scenario: FadeScenario }[] {
  const s = parseFadeScenario(base);
  const out: { id: string; scenario: FadeScenario }[] = [];
  for (const r of HEALING_RULES) {
    const broken = s.aftercare[r.fault];
    out.push({ id: healingId(r.fault, broken), scenario: { ...s, aftercare: { ...s.aftercare, [r.fault]: !broken } } });
  }
  if (noUv(s)) return out;
  if (hasBetterSunscreen(s.sunscreen)) out.push({ id: SUNSCREEN_BETTER, scenario: { ...s, sunscreen: betterSunscreen(s.sunscreen) } });
  if (s.sunscreen.spf > 1) out.push({ id: SUNSCREEN_NONE, scenario: { ...s, sunscreen: { ...s.sunscreen, spf: 0 } } });
  if (s.hat !== 'always') out.push({ id: HAT_ALWAYS, scenario: { ...s, hat: 'always' } });
  else out.push({ id: HAT_NONE, scenario: { ...s, hat: 'none' } });
  return out;
}

// Wording helpers. Years print with 1 decimal; differences are taken between the printed values,
// so the sentence adds up as read.
const yr = (t: number) => t.toFixed(1);
const round1 = (t: number) => Math.round(t * 10) / 10;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const touchUpCount = (n: number) => (n === 0 ? 'no touch-ups' : plural(n, 'touch-up'));

function money(currency: string, [lo, hi]: Range): string {
  const f = (v: number) => `${currency}${Math.round(v).toLocaleString('en-US')}`;
  return lo === hi ? f(lo) : `${f(lo)}–${f(hi)}`;
}

function summarize(id: string, plan: AftercarePlanFigures | undefined, horizonYears: number): PlanSummary | null {
  if (!plan || !Array.isArray(plan.schedule)) return null;
  const within = plan.schedule.filter((t) => t <= horizonYears + 1e-9);
  return { id, firstTouchUpYears: within.length > 0 ? within[0] : null, touchUps: within.length, healedContrastDeltaE00: plan.healedContrastDeltaE00 };
}

/** "first touch-up at 6.1 years instead of 4.4 (1.7 years later)": `next` compared with `now`. */
function firstPhrase(next: number | null, now: number | null, horizonYears: number): string {
  const none = `none within ${horizonYears} years`;
  if (next === null && now === null) return `first touch-up ${none} either way`;
  if (next === null) return `first touch-up ${none} instead of at ${yr(now!)} years (more than ${yr(horizonYears - round1(now!))} years later)`;
  if (now === null) return `first touch-up at ${yr(next)} years instead of ${none} (at least ${yr(horizonYears - round1(next))} years sooner)`;
  const d = round1(round1(next) - round1(now));
  if (d === 0) return `first touch-up still at ${yr(next)} years`;
  return `first touch-up at ${yr(next)} years instead of ${yr(now)} (${yr(Math.abs(d))} years ${d > 0 ? 'later' : 'sooner'})`;
}

/** "3 touch-ups instead of 4 over 20 years, saving $300–$500". */
function countPhrase(next: number, now: number, horizonYears: number, currency: string, each: Range): string {
  if (next === now) return `the same ${touchUpCount(now)} over ${horizonYears} years`;
  const d = Math.abs(next - now);
  const cost = money(currency, [d * each[0], d * each[1]]);
  return `${touchUpCount(next)} instead of ${now === 0 ? 'none' : now} over ${horizonYears} years, ${next < now ? `saving ${cost}` : `${cost} more`}`;
}

/** How touch-ups change from `now` to `next`, or null when either was not estimated. */
function touchUpChange(next: PlanSummary | null, now: PlanSummary | null, horizonYears: number, currency: string, each: Range): string | null {
  if (!next || !now) return null;
  return `${firstPhrase(next.firstTouchUpYears, now.firstTouchUpYears, horizonYears)}; ${countPhrase(next.touchUps, now.touchUps, horizonYears, currency, each)}`;
}

function healingItem(rule: HealingRule, s: FadeScenario, plans: Record<string, AftercarePlanFigures>, horizonYears: number): AftercareItem {
  const followed = !s.aftercare[rule.fault];
  const variantId = healingId(rule.fault, !followed);
  const followedId = followed ? 'base' : variantId;
  const brokenId = followed ? variantId : 'base';
  const healF = healingOf({ ...s.aftercare, [rule.fault]: false });
  const healB = healingOf({ ...s.aftercare, [rule.fault]: true });
  const planF = summarize(followedId, plans[followedId], horizonYears);
  const planB = summarize(brokenId, plans[brokenId], horizonYears);
  const lossDeltaE00 = planF && planB ? planF.healedContrastDeltaE00 - planB.healedContrastDeltaE00 : null;
  const lossShare = lossDeltaE00 !== null && planF!.healedContrastDeltaE00 > 0 ? lossDeltaE00 / planF!.healedContrastDeltaE00 : null;
  const figures: HealingFigures = {
    kind: 'healing',
    horizonYears,
    followed: { label: rule.keeping, plan: planF, ...healF },
    broken: { label: rule.breaking, plan: planB, ...healB },
    contrastLossDeltaE00: lossDeltaE00,
    contrastLossShare: lossShare,
  };
  const pF = Math.round(healF.meanRetention * 100);
  const pB = Math.round(healB.meanRetention * 100);
  const points = plural(pF - pB, 'point');
  const currency = s.prices.currency;
  const touchUpEach: Range = [s.prices.touchUpLow, s.prices.touchUpHigh];
  const contrast =
    lossDeltaE00 === null
      ? null
      : lossDeltaE00 > 0 && lossShare !== null
        ? `${pct(lossShare)} less contrast (${lossDeltaE00.toFixed(2)} ΔE00) than with the rule kept`
        : 'no less contrast than with the rule kept';
  let worth: string;
  if (followed) {
    const change = touchUpChange(planB, planF, horizonYears, currency, touchUpEach);
    worth =
      `${rule.breaking} would lose about ${pF - pB} more ${pF - pB === 1 ? 'point' : 'points'} of pigment: ${pB}% kept instead of ${pF}%, and more dots lost outright. ` +
      (change === null ? 'Its effect on contrast and touch-ups was not estimated.' : `The dots would heal lighter and patchier, with ${contrast}; ${change}.`);
  } else {
    const change = touchUpChange(planF, planB, horizonYears, currency, touchUpEach);
    worth =
      `${rule.keeping} would keep about ${pF}% of the pigment instead of ${pB}% (${points} more) and lose fewer dots outright. ` +
      (change === null ? 'Its effect on contrast and touch-ups was not estimated.' : `As things are, the dots heal lighter and patchier, with ${contrast}. Keeping it: ${change}.`);
  }
  return { id: rule.fault, title: rule.title, advice: rule.advice, when: 'healing', followed, worth, figures };
}

const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** "SPF 50 at 2 mg/cm²: first touch-up at ...": one side against the client's, or "not estimated". */
function habitSentence(label: string, side: AftercareSide, client: AftercareSide, f: HabitFigures): string {
  const change = touchUpChange(side.plan, client.plan, f.horizonYears, f.currency, f.touchUpEach);
  return `${capital(label)}: ${change ?? 'not estimated'}.`;
}

function noUvWorth(s: FadeScenario): string {
  const why = s.hoursOutdoorsPerDay === 0 ? 'no daylight hours outdoors' : 'a UV index of 0';
  return `No difference in the simulation: with ${why} it counts no UV on your scalp. Keep to it on days you are out in the sun.`;
}

function sunscreenItem(s: FadeScenario, plans: Record<string, AftercarePlanFigures>, horizonYears: number): AftercareItem {
  const title = 'Sunscreen on the scalp every day';
  const advice =
    `Every day, put SPF ${GOOD_SUNSCREEN.spf} on the treated scalp, generously: about ${GOOD_SUNSCREEN.amountMgPerCm2} mg/cm², ` +
    `the amount the SPF on the label is tested at. Most people apply half that, which protects far less (SPF ${GOOD_SUNSCREEN.spf} then acts like about SPF ${Math.round(effectiveSpf(GOOD_SUNSCREEN.spf, GOOD_SUNSCREEN.amountMgPerCm2 / 2))}).`;
  const followed = sunscreenFollowed(s.sunscreen);
  if (noUv(s)) return { id: 'sunscreen', title, advice, when: 'long-term', followed, worth: noUvWorth(s), figures: null };
  const better = hasBetterSunscreen(s.sunscreen) ? betterSunscreen(s.sunscreen) : null;
  const f: HabitFigures = {
    kind: 'habit',
    horizonYears,
    currency: s.prices.currency,
    touchUpEach: [s.prices.touchUpLow, s.prices.touchUpHigh],
    client: { label: sunscreenLabel(s.sunscreen), plan: summarize('base', plans.base, horizonYears) },
    better: better ? { label: sunscreenLabel(better), plan: summarize(SUNSCREEN_BETTER, plans[SUNSCREEN_BETTER], horizonYears) } : null,
    without: s.sunscreen.spf > 1 ? { label: 'no sunscreen', plan: summarize(SUNSCREEN_NONE, plans[SUNSCREEN_NONE], horizonYears) } : null,
  };
  const parts: string[] = [];
  if (followed) {
    parts.push(`You already do this (${f.client.label}).`);
    if (f.without) parts.push(habitSentence('stopping', f.without, f.client, f));
    if (f.better) parts.push(habitSentence(`applied more generously (${f.better.label})`, f.better, f.client, f));
  } else {
    parts.push(`Now: ${f.client.label}.`);
    if (f.better) parts.push(habitSentence(`${f.better.label} every day`, f.better, f.client, f));
    if (f.without) parts.push(habitSentence('with no sunscreen at all', f.without, f.client, f));
  }
  return { id: 'sunscreen', title, advice, when: 'long-term', followed, worth: parts.join(' '), figures: f };
}

function hatItem(s: FadeScenario, plans: Record<string, AftercarePlanFigures>, horizonYears: number): AftercareItem {
  const title = 'A hat outdoors';
  const advice = `Wear a hat with a brim whenever you are outdoors in daylight. The simulation takes a hat to block about ${pct(HAT_BLOCK.always)} of the UV on the scalp it covers.`;
  const followed = s.hat === 'always';
  if (noUv(s)) return { id: 'hat', title, advice, when: 'long-term', followed, worth: noUvWorth(s), figures: null };
  const f: HabitFigures = {
    kind: 'habit',
    horizonYears,
    currency: s.prices.currency,
    touchUpEach: [s.prices.touchUpLow, s.prices.touchUpHigh],
    client: { label: HAT_LABELS[s.hat], plan: summarize('base', plans.base, horizonYears) },
    better: followed ? null : { label: HAT_LABELS.always, plan: summarize(HAT_ALWAYS, plans[HAT_ALWAYS], horizonYears) },
    without: followed ? { label: HAT_LABELS.none, plan: summarize(HAT_NONE, plans[HAT_NONE], horizonYears) } : null,
  };
  const worth = followed ? `You already do this. ${habitSentence('without a hat', f.without!, f.client, f)}` : `Now: ${f.client.label}. ${habitSentence(f.better!.label, f.better!, f.client, f)}`;
  return { id: 'hat', title, advice, when: 'long-term', followed, worth, figures: f };
}

const moisturiseItem = (): AftercareItem => ({
  id: 'moisturise',
  title: 'Moisturise once healed',
  advice: 'Once the scalp has healed, keep it moisturised with a gentle, unscented lotion.',
  when: 'long-term',
  followed: null,
  worth: 'Not modelled: the simulation has no figure for moisturising, so it does not change the touch-up dates. It keeps the skin comfortable and less dry and flaky.',
  figures: null,
});

/** Each aftercare rule with what it is worth for the client of `base`, from the plans of
 * aftercareScenarios(base) by id and the client's own plan as 'base', each planned over at least
 * `horizonYears` (touch-ups after it are not counted). A missing plan is said "not estimated".
 * Pure and fast. Throws FadeInputError for a bad scenario or horizon. */
export function aftercareAdvice(base: FadeScenario, plans: Record<string, AftercarePlanFigures>, horizonYears: number): AftercareItem[] {
  if (typeof horizonYears !== 'number' || !Number.isFinite(horizonYears) || horizonYears < 1 || horizonYears > MAX_HORIZON_YEARS) {
    throw new FadeInputError('horizonYears', `horizonYears must be a number from 1 to ${MAX_HORIZON_YEARS} (got ${String(horizonYears)})`);
  }
  const s = parseFadeScenario(base);
  return [...HEALING_RULES.map((r) => healingItem(r, s, plans, horizonYears)), moisturiseItem(), sunscreenItem(s, plans, horizonYears), hatItem(s, plans, horizonYears)];
}

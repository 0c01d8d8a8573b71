/** Fading and touch-ups: the chart, when touch-ups fall due, what they cost over the horizon and the
 * sun and aftercare the forecast assumed. */
import type { Content } from 'pdfmake/interfaces';
import type { FadeScenario } from '../model';
import { CLIMATE_UV_INDEX } from '../model';
import { fadeChartSvg } from './fadeChartSvg';
import { h1, h2, keyValues, note, PAGE, table } from './reportParts';
import { formatMoneyRange, formatNumber, formatSetting, formatYear, listInWords } from './reportFormat';
import type { ReportInput } from './reportInput';

const CLIMATE_NAMES: Record<Exclude<FadeScenario['climate']['preset'], 'custom'>, string> = {
  'northern-europe': 'Northern Europe',
  'us-average': 'US average',
  australia: 'Australia',
};
const HAT_WORDS: Record<FadeScenario['hat'], string> = { none: 'None', sometimes: 'Some of the time', always: 'Whenever outdoors' };
const AFTERCARE_FAULTS: Record<keyof FadeScenario['aftercare'], string> = {
  washedBeforeDay4: 'washing the scalp before day 4',
  sweating: 'sweating, gym or sauna while healing',
  sunWhileHealing: 'sun in the first weeks',
  pickedScabs: 'picking the scabs',
};

function climateInWords(c: FadeScenario['climate']): string {
  if (c.preset === 'custom') return `Mean noon UV index ${formatSetting(c.customUvIndex)} (set by the clinic)`;
  return `${CLIMATE_NAMES[c.preset]} (mean noon UV index about ${CLIMATE_UV_INDEX[c.preset]})`;
}

function sunscreenInWords(s: FadeScenario['sunscreen']): string {
  if (s.spf <= 0) return 'None';
  return `SPF ${formatNumber(s.spf)}, about ${formatSetting(s.amountMgPerCm2)} mg/cm² applied (labels are tested at 2 mg/cm²; less gives less protection)`;
}

/** "Touch-ups due at 4.3, 9.0 and 14.1 years after the first session." */
export function scheduleInWords(schedule: number[], horizonYears: number): string {
  if (!schedule.length) return `No touch-up is due within the ${formatNumber(horizonYears)} years shown.`;
  if (schedule.length === 1) return `One touch-up due, at ${formatYear(schedule[0])} years after the first session.`;
  return `Touch-ups due at ${listInWords(schedule.map(formatYear))} years after the first session.`;
}

export function fadeSection(input: ReportInput): Content[] {
  const { plan, design, horizonYears } = input;
  const fade = design.fade;
  const currency = fade.prices.currency;
  const cost = plan.cost;
  const faults = (Object.keys(AFTERCARE_FAULTS) as (keyof FadeScenario['aftercare'])[]).filter((k) => fade.aftercare[k]).map((k) => AFTERCARE_FAULTS[k]);
  const stubbleDue = plan.schedule.filter((_, k) => plan.reasons[k] === 'stubble');
  const content: Content[] = [
    h1('Fading and touch-ups'),
    {
      text: `How strongly the dots stand out from your skin over ${formatNumber(horizonYears)} years, under the sun and habits below. Pigment fades slowly; when the contrast falls below the clinic's threshold, a touch-up restores it.`,
      style: 'lead',
    },
    { svg: fadeChartSvg(plan, horizonYears), width: PAGE.contentWidthPt, margin: [0, 0, 0, 8] },
    { text: scheduleInWords(plan.schedule, horizonYears), bold: true, margin: [0, 0, 0, 4] },
    note(
      `A touch-up is due when the visible contrast falls below ${formatNumber(fade.touchUp.contrastShare * 100)} % of its healed value (${formatNumber(plan.thresholdDeltaE00, 2)} ΔE00 here), or when dots lighter than your stubble differ from it by more than ${formatSetting(fade.touchUp.stubbleMismatchDeltaE00)} ΔE00.`,
    ),
  ];
  if (stubbleDue.length) content.push(note(`Due because the dots have drifted lighter than your stubble rather than faded: ${listInWords(stubbleDue.map(formatYear))} years.`));
  if (plan.mismatchAtHealed) content.push(note('Even freshly healed, the dots differ from your stubble by more than that limit: a different shade, not a touch-up, is the thing to change.'));
  content.push(
    h2(`Cost over ${formatNumber(horizonYears)} years`),
    table(
      ['', 'Price'],
      [
        ['Full treatment', formatMoneyRange(currency, cost.treatment)],
        [`Touch-ups: ${cost.touchUps} × ${formatMoneyRange(currency, cost.touchUpEach)}`, formatMoneyRange(currency, cost.touchUpsTotal)],
        [`Total over ${formatNumber(horizonYears)} years`, formatMoneyRange(currency, cost.total)],
      ],
      ['*', 160],
      { boldLastRow: true },
    ),
    h2('Your sun and aftercare, as assumed'),
    keyValues([
      ['Climate', climateInWords(fade.climate)],
      ['Time outdoors', `${formatSetting(fade.hoursOutdoorsPerDay)} h in daylight on an average day`],
      ['Hat', HAT_WORDS[fade.hat]],
      ['Sunscreen', sunscreenInWords(fade.sunscreen)],
      ['Healing', faults.length ? `With ${listInWords(faults)}` : 'Good aftercare: no washing before day 4, no sweating, no sun, no picked scabs'],
    ]),
  );
  return content;
}

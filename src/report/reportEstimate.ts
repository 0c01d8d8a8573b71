/** The treatment estimate (area, sessions, dots, hours, price) and, for the client who asks "what
 * if I want it gone", the Kirby-Desai removal estimate with the points behind it. */
import type { Content } from 'pdfmake/interfaces';
import { KIRBY_DESAI_POINTS, KIRBY_DESAI_SPREAD, type KirbyDesaiInput } from '../model';
import { h1, h2, keyValues, note, table } from './reportParts';
import { capitalise, formatMoneyRange, formatNumber, formatRange, romanNumeral } from './reportFormat';
import type { ReportInput } from './reportInput';

const LOCATION_WORDS: Record<KirbyDesaiInput['location'], string> = {
  'head-neck': 'Head and neck',
  'upper-trunk': 'Upper trunk',
  'lower-trunk': 'Lower trunk',
  'proximal-extremity': 'Upper arm or thigh',
  'distal-extremity': 'Lower arm, leg, hand or foot',
};
const COLOUR_WORDS: Record<KirbyDesaiInput['color'], string> = {
  black: 'Black only',
  'black-some-red': 'Black with some red',
  'black-red-other': 'Black, red and other colours',
  multicolor: 'Many colours',
};

/** Each factor of the score: what it was for this client and the points it adds. */
function removalRows(v: KirbyDesaiInput): [string, string, string][] {
  const P = KIRBY_DESAI_POINTS;
  return [
    ['Skin type (Fitzpatrick)', `Type ${romanNumeral(v.fitzpatrick)}`, String(v.fitzpatrick)],
    ['Location', LOCATION_WORDS[v.location] ?? v.location, String(P.location[v.location])],
    ['Ink colour', COLOUR_WORDS[v.color] ?? v.color, String(P.color[v.color])],
    ['Amount of ink', capitalise(v.inkAmount), String(P.inkAmount[v.inkAmount])],
    ['Scarring', capitalise(v.scarring), String(P.scarring[v.scarring])],
    ['Layering (over an older tattoo)', v.layering ? 'Yes' : 'No', String(P.layering[`${v.layering}`])],
  ];
}

export function estimateSection(input: ReportInput): Content[] {
  const { estimate: e, design, removal } = input;
  const currency = design.fade.prices.currency;
  const sessionRows = e.dotsPerSession.map((dots, k) => [design.layers[k]?.name || `Session ${k + 1}`, formatNumber(dots), `${formatRange(e.hoursPerSession[k] ?? [NaN, NaN], 1)} h`]);
  return [
    h1('Treatment estimate'),
    keyValues([
      ['Treated area', `${formatNumber(e.areaCm2)} cm²`],
      ['Sessions', formatNumber(e.sessions)],
      ['Dots in all', `${formatNumber(e.dots)} (about ${formatNumber(e.densityPerCm2)} dots/cm² over the treated area)`],
      ['Time', `${formatRange(e.hours, 0)} hours in all`],
      ['Price', `${formatMoneyRange(currency, [e.price.low, e.price.high])} for the full treatment; touch-ups ${formatMoneyRange(currency, [e.touchUpPrice.low, e.touchUpPrice.high])} each`],
    ]),
    table(['Session', 'Dots', 'Time'], [...sessionRows, ['All sessions', formatNumber(e.dots), `${formatRange(e.hours, 1)} h`]], ['*', 110, 110], { boldLastRow: true }),
    note('Hours come from an assumed placement rate (dots an hour, pauses included), not from a measurement of this clinic; the prices are the clinic’s ranges, not a quote.'),
    h2('If you ever want it removed'),
    {
      text: [
        'Laser removal, estimated with the Kirby-Desai scale: ',
        { text: `${formatNumber(removal.points)} points, about ${formatRange(removal.sessions)} laser sessions`, bold: true },
        `. The scale adds points for each factor below; its own spread is about ±${formatNumber(KIRBY_DESAI_SPREAD, 1)} sessions (Kirby et al. 2009).`,
      ],
      margin: [0, 0, 0, 6],
    },
    table(['Factor', 'For this treatment', 'Points'], [...removalRows(removal.input), ['Kirby-Desai score', '', formatNumber(removal.points)]], ['*', 190, 50], { boldLastRow: true }),
    note('SMP uses a small amount of diluted carbon-black ink in the upper dermis; the scale was built on ordinary tattoos, so for SMP it is a rough guide.'),
  ];
}

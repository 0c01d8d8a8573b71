/** The closing sections: personal aftercare, the sources and assumptions the preview rests on, and
 * the disclaimer (short on every page, in full at the end). */
import type { Content } from 'pdfmake/interfaces';
import { COLOURS, h1, h2, paragraph, table } from './reportParts';
import type { ReportInput } from './reportInput';

/** More rules than this may not fit on one page: the list may then break across pages. */

export const SHORT_DISCLAIMER = 'An estimate from a model, not medical advice. Healing and fading vary from person to person.';

export const FULL_DISCLAIMER =
  'The pictures and figures in this report are a preview: estimates from a computer model of how scalp micropigmentation heals and fades, ' +
  'built on the published figures and the assumptions listed above. Healing, fading and the number of touch-ups vary from person to person, ' +
  'with skin, health, sun and aftercare, so your own result may differ. This report is not medical advice; ask a doctor about any skin or ' +
  'scalp condition before treatment. Results are not guaranteed. Prices are the clinic’s ranges, not a quote.';

export function aftercareSection(input: ReportInput): Content[] {
  // Each rule's worth is a few lines: the table runs over pages, a rule never splits.
  const rules: Content = input.aftercare.length
    ? table(
        ['', 'What to do', 'What it is worth for you'],
        input.aftercare.map((a) => [{ text: a.title, bold: true }, a.advice, a.worth]),
        [100, '*', 210],
      )
    : paragraph('No personal aftercare notes were given.');
  return [h1('Your aftercare'), { text: 'What to do while the dots heal and in the years after, and what each rule is worth to you, from the simulation of your design.', style: 'lead' }, rules];
}

export function sourcesSection(input: ReportInput): Content[] {
  const content: Content[] = [
    h1('Sources and assumptions'),
    { text: 'The figures the preview rests on, and where they come from.', style: 'lead' },
    input.sources.length
      ? table(
          ['Topic', 'Figure', 'Source'],
          input.sources.map((s) => [s.topic, s.figure, s.source]),
          [85, '*', 180],
          { fontSize: 8, compact: true },
        )
      : paragraph('No sources were listed.'),
  ];
  if (input.assumptions.length) {
    content.push(h2('Assumptions'), { ul: input.assumptions, fontSize: 8.5, lineHeight: 1.1, margin: [0, 0, 0, 8] });
  }
  content.push({
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: 'About this report', bold: true, margin: [0, 0, 0, 4] },
              { text: FULL_DISCLAIMER, fontSize: 9 },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0.8,
      vLineWidth: () => 0.8,
      hLineColor: () => COLOURS.rule,
      vLineColor: () => COLOURS.rule,
      fillColor: () => COLOURS.band,
      paddingLeft: () => 10,
      paddingRight: () => 10,
      paddingTop: () => 8,
      paddingBottom: () => 8,
    },
    margin: [0, 14, 0, 0],
    unbreakable: true,
  });
  return content;
}

/** The design section: a row per session, the pigment and hairline, and the shade match with its
 * three colours drawn as vector swatches. */
import type { Column, Content } from 'pdfmake/interfaces';
import { nearestShade } from '../model';
import { CLOSE_BELOW, MATCH_BELOW } from '../model';
import { COLOURS, h1, h2, keyValues, note, paragraph, table } from './reportParts';
import { capitalise, formatNumber, formatSetting } from './reportFormat';
import type { ReportInput } from './reportInput';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** Drawn for a colour that is not a hex colour, rather than failing the report. */
const UNKNOWN_COLOUR = '#cccccc';

function verdictInWords(verdict: string): string {
  switch (verdict) {
    case 'match':
      return `A match (under ${MATCH_BELOW}): the healed dots should blend with your stubble.`;
    case 'close':
      return `Close (${MATCH_BELOW} to ${CLOSE_BELOW}): at a conversational distance the dots should pass for stubble; up close a difference may show.`;
    case 'visible mismatch':
      return `A visible mismatch (${CLOSE_BELOW} or more): the dots are likely to look different from your stubble; another shade may suit you better.`;
    default:
      return capitalise(verdict);
  }
}

function swatch(hex: string, label: string, detail: string): Column {
  const colour = HEX.test(hex) ? hex : UNKNOWN_COLOUR;
  return {
    width: 120,
    stack: [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: 92, h: 48, r: 4, color: colour, lineColor: COLOURS.rule, lineWidth: 0.8 }] },
      { text: label, bold: true, fontSize: 9, margin: [0, 5, 0, 0] },
      { text: detail, style: 'note' },
      { text: HEX.test(hex) ? hex.toLowerCase() : 'colour not available', style: 'note' },
    ],
  };
}

/** `newPage` false lets the section follow the previous one on its page. */
export function designSection(input: ReportInput, newPage = true): Content[] {
  const { design, shade } = input;
  const tone = design.pigment.tone;
  const rows = design.layers.map((l) => [
    l.name || l.id,
    formatNumber(l.densityPerCm2),
    formatNumber(l.diameterMm, 2),
    nearestShade(l.shade, tone).name,
    `${formatNumber(l.irregularity * 100)} %`,
    formatSetting(l.hairlineOffsetMm),
  ]);
  const totalDensity = design.layers.reduce((s, l) => s + l.densityPerCm2, 0);
  const hairline = design.hairline;
  const sameShade = shade.recommendedShadeName === shade.currentShadeName;
  return [
    h1('Your design', newPage),
    { text: 'SMP is built up over several sessions, lighter and wider first, then darker and finer dots between them. Each row is one session.', style: 'lead' },
    design.layers.length
      ? table(
          ['Session', 'Dots per cm²', 'Dot size (mm)', 'Shade', 'Irregularity', 'Behind hairline (mm)'],
          [...rows, ['All sessions', formatNumber(totalDensity), '', '', '', '']],
          ['*', 62, 62, 95, 58, 90],
          { boldLastRow: true },
        )
      : paragraph('The design has no sessions yet.'),
    note('Dot size is the healed dot’s diameter. Behind hairline: how far each session’s front edge sits behind the designed hairline (negative: in front of it).', [0, -4, 0, 8]),
    keyValues([
      ['Pigment', `${capitalise(tone)} tone, placed ${formatSetting(design.pigment.depthMm, 2)} mm below the skin surface`],
      ['Hairline', `${capitalise(hairline.style)} style, ${formatNumber(hairline.midFrontalHeightMm)} mm above the brow at the middle, softening over ${formatNumber(hairline.transitionMm)} mm`],
    ]),
    h2('Shade match'),
    { text: 'A shaved hair shows as its shaft seen through the skin and its cut end. The healed dots should look like the shafts, not like black ink.', style: 'lead' },
    {
      columns: [
        swatch(shade.stubbleHex, 'Your stubble', 'shaved hair on your skin'),
        swatch(shade.healedDotHex, 'Healed dot', 'this design, healed'),
        swatch(shade.skinHex, 'Your skin', 'between the dots'),
        { width: '*', text: '' },
      ],
      columnGap: 10,
      margin: [0, 0, 0, 10],
    },
    keyValues([
      ['Difference, dot to stubble', `${formatNumber(shade.deltaE00, 1)} ΔE00 (CIEDE2000; about 1 is the smallest difference the eye sees side by side)`],
      ['Verdict', verdictInWords(shade.verdict)],
      ['Shade', sameShade ? `The design uses the recommended shade, ${shade.currentShadeName}.` : `Recommended: ${shade.recommendedShadeName}. In this design: ${shade.currentShadeName}.`],
    ]),
  ];
}

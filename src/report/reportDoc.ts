/** The consultation report as a pdfmake document definition. Pure: the same input always gives the
 * same document, and nothing here loads pdfmake itself (renderPdf.ts does, on demand).
 *
 * Pages: the cover (who, when, a summary, the front view healed and at 5 years or, when the client
 * agreed, their own photo before and after, the client's details), the other views, the design
 * and shade match, fading and touch-ups, the treatment and removal estimates, aftercare, then
 * sources, assumptions and the full disclaimer. Every page has page numbers and a short
 * disclaimer in its footer. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { designSection } from './reportDesign';
import { estimateSection } from './reportEstimate';
import { fadeSection } from './reportFade';
import { formatDate, formatMoneyRange, formatNumber, formatYear, parseDate } from './reportFormat';
import type { ReportInput } from './reportInput';
import { aftercareSection, SHORT_DISCLAIMER, sourcesSection } from './reportNotes';
import { printableDocument } from './printableDoc';
import { COLOURS, h1, h2, keyValues, note, PAGE, STYLES } from './reportParts';
import { placePhotos, type PlacedPhotos } from './reportPhotos';
import { NO_VIEWS, placeViews, type PlacedViews } from './reportViews';

export const REPORT_TITLE = 'Scalp micropigmentation: your consultation';
export const NO_CLINIC_NAME = 'SMP Studio consultation report';

function summaryBox(input: ReportInput): Content {
  const { estimate: e, plan, horizonYears } = input;
  const currency = input.design.fade.prices.currency;
  const first = plan.schedule[0];
  const cell = (value: string, label: string): Content => ({
    stack: [
      { text: value, style: 'summaryValue' },
      { text: label, style: 'summaryLabel' },
    ],
  });
  return {
    table: {
      widths: ['*', '*', '*', '*', '*'],
      body: [
        [
          cell(formatNumber(e.sessions), e.sessions === 1 ? 'session' : 'sessions'),
          cell(`${formatNumber(e.areaCm2)} cm²`, 'treated area'),
          cell(formatNumber(e.dots), 'dots'),
          first === undefined ? cell('None', `touch-up due in ${formatNumber(horizonYears)} years`) : cell(`${formatYear(first)} years`, 'first touch-up due'),
          cell(formatMoneyRange(currency, plan.cost.total), `total over ${formatNumber(horizonYears)} years`),
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i, node) => (i === 0 || i === (node.table.widths?.length ?? 0) ? 0 : 0.6),
      vLineColor: () => COLOURS.rule,
      fillColor: () => COLOURS.band,
      paddingTop: () => 9,
      paddingBottom: () => 9,
      paddingLeft: () => 4,
      paddingRight: () => 4,
    },
    margin: [0, 14, 0, 14],
  };
}

function coverPage(input: ReportInput, views: PlacedViews, photos: PlacedPhotos | null): Content[] {
  const { client, design } = input;
  const head = design.head;
  const details: [string, string][] = [
    ['Skin type', input.skinTypeName],
    ['Hair colour', input.hairColourName],
    ['Hair-loss pattern', input.hairLossName],
    ['Head measures', `Circumference ${formatNumber(head.circumferenceMm)} mm, length ${formatNumber(head.lengthMm)} mm, breadth ${formatNumber(head.breadthMm)} mm`],
  ];
  if (client.notes.trim()) details.push(['Notes', client.notes.trim()]);
  return [
    { text: input.clinicName.trim() || NO_CLINIC_NAME, style: 'brand', margin: [0, 0, 0, 4] },
    { text: REPORT_TITLE, style: 'title', margin: [0, 0, 0, 10] },
    {
      columns: [
        {
          width: 'auto',
          stack: [
            { text: 'Prepared for', style: 'key' },
            { text: client.name.trim() || 'Client', fontSize: 13, bold: true },
          ],
        },
        {
          width: 'auto',
          stack: [
            { text: 'Consultation', style: 'key' },
            { text: formatDate(client.consultationDate), fontSize: 11 },
          ],
        },
        {
          width: 'auto',
          stack: [
            { text: 'Report made', style: 'key' },
            { text: formatDate(input.createdAt), fontSize: 11 },
          ],
        },
      ],
      columnGap: 36,
    },
    summaryBox(input),
    ...(photos ? [photos.content] : views.cover ? [views.cover] : []),
    h2('Your details'),
    keyValues(details, 120),
  ];
}

function viewsSection(views: PlacedViews): Content[] {
  if (!views.others) return [h1('The views'), note(views.any ? 'No other views were captured.' : NO_VIEWS, [0, 0, 0, 10])];
  const lead = views.cover
    ? 'The same design from the sides and the top, healed and after five years of fading with no touch-up in between. The front views on the first page are seen from a little above, as people usually see a head.'
    : 'The design on a 3D head made to your measures, from every side, healed and after five years of fading with no touch-up in between. The front is seen from a little above, as people usually see a head.';
  return [h1('The views'), { text: lead, style: 'lead' }, views.others];
}

/** Every text in it is printable in the report's font (printableDoc.ts). */
export function reportDocument(input: ReportInput): TDocumentDefinitions {
  // The client's photos, when given (only with their consent), take the front views' place on the first page.
  const photos = input.photos ? placePhotos(input.photos) : null;
  const views = placeViews(input.renders, { frontOnCover: !photos });
  const clinic = input.clinicName.trim() || 'SMP Studio';
  const clientName = input.client.name.trim();
  return printableDocument({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [PAGE.marginPt, 48, PAGE.marginPt, 52],
    info: {
      title: clientName ? `${REPORT_TITLE} (${clientName})` : REPORT_TITLE,
      author: clinic,
      subject: 'Scalp micropigmentation consultation report',
      creator: 'SMP Studio',
      producer: 'SMP Studio',
      creationDate: parseDate(input.createdAt),
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2, color: COLOURS.ink },
    styles: STYLES,
    images: { ...views.images, ...photos?.images },
    header: (currentPage) =>
      currentPage === 1
        ? null
        : {
            columns: [
              { text: clinic, style: 'footer' },
              { text: clientName ? `${clientName} · ${formatDate(input.client.consultationDate)}` : formatDate(input.client.consultationDate), style: 'footer', alignment: 'right' },
            ],
            margin: [PAGE.marginPt, 22, PAGE.marginPt, 0],
          },
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: SHORT_DISCLAIMER, style: 'footer', width: '*' },
        { text: `Page ${currentPage} of ${pageCount}`, style: 'footer', width: 'auto', alignment: 'right' },
      ],
      margin: [PAGE.marginPt, 20, PAGE.marginPt, 0],
    }),
    content: [
      ...coverPage(input, views, photos),
      ...viewsSection(views),
      // With no other views the views page would be near-empty: the design follows on the same page.
      ...designSection(input, views.others !== null),
      ...fadeSection(input),
      ...estimateSection(input),
      ...aftercareSection(input),
      ...sourcesSection(input),
    ],
  });
}

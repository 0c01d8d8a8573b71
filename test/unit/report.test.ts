import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aftercareAdvice,
  aftercareScenarios,
  ASSUMPTIONS,
  defaultDesign,
  defaultKirbyDesaiInput,
  deltaE2000,
  designShadeMatch,
  generateDots,
  hairColor,
  HAIR_LOSS_PATTERNS,
  kirbyDesai,
  labToHex,
  layerInkLab,
  nearestShade,
  planTouchUps,
  skinLab,
  SOURCES,
  treatmentEstimate,
  verdictOf,
  type TouchUpPlan,
} from '../../src/model';
import { fadeChartSvg } from '../../src/report/fadeChartSvg';
import { reportDocument } from '../../src/report/reportDoc';
import { formatDate, formatMoney, formatMoneyRange, yearsLabel } from '../../src/report/reportFormat';
import type { ReportInput, ReportPhotos, ReportRender } from '../../src/report/reportInput';
import { afterLabel, consentLine, PHOTO_NOTE } from '../../src/report/reportPhotos';
import { renderReportPdf } from '../../src/report/renderPdf';
import { readReportFonts } from './helpers/reportFonts';
import { defaultHead } from './helpers/defaultHead';

const HORIZON_YEARS = 20;

/** A real RGB PNG (8 bit, no filter): a light background with a darker oval "head". */
function headPng(width: number, height: number, shade: number): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const inHead = ((x - width / 2) / (width * 0.28)) ** 2 + ((y - height * 0.55) / (height * 0.4)) ** 2 < 1;
      const v = inHead ? shade : 235 - Math.round((20 * y) / height);
      raw.set([v, inHead ? v - 20 : v, inHead ? v - 35 : v + 5], row + 1 + 3 * x);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

interface PdfFigures {
  pages: number;
  /** Text per page, runs joined as pdf.js reads them. */
  text: string[];
  /** Images painted per page. */
  images: number[];
  /** Glyphs drawn per page as the font's missing glyph (.notdef, glyph id 0 in pdfkit's subset): a box. */
  missingGlyphs: number[];
  /** The title in the PDF's metadata. */
  title: string;
}

async function readPdf(bytes: Uint8Array): Promise<PdfFigures> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const text: string[] = [];
  const images: number[] = [];
  const missingGlyphs: number[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent();
    // Only text drawn on the page counts: content that does not fit is placed off it, not dropped.
    const [x0, y0, x1, y1] = page.view;
    const onPage = (t: number[]) => t[4] >= x0 && t[4] <= x1 && t[5] >= y0 && t[5] <= y1;
    text.push(content.items.map((i) => ('str' in i && onPage(i.transform) ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
    const ops = await page.getOperatorList();
    images.push(ops.fnArray.filter((f) => f === OPS.paintImageXObject).length);
    // pdfkit writes each glyph as its id in the embedded subset, where .notdef is always 0.
    const glyphs = ops.fnArray.flatMap((f, k) => (f === OPS.showText ? (ops.argsArray[k][0] as unknown[]) : []));
    missingGlyphs.push(glyphs.filter((g) => typeof g === 'object' && g !== null && (g as { originalCharCode?: number }).originalCharCode === 0).length);
  }
  const pages = pdf.numPages;
  const title = String(((await pdf.getMetadata()).info as { Title?: string }).Title ?? '');
  await pdf.destroy();
  return { pages, text, images, missingGlyphs, title };
}

/** Collapses runs of white space, so a phrase reads the same across a line break. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

let input: ReportInput;
let plan: TouchUpPlan;
beforeAll(() => {
  const head = defaultHead();
  const design = defaultDesign();
  const dots = generateDots(head, design);
  plan = planTouchUps(head, design, dots, design.fade, HORIZON_YEARS);
  const match = designShadeMatch(design);
  const current = design.layers[design.layers.length - 1];
  const dotLab = layerInkLab(design, current);
  const deltaE00 = deltaE2000(dotLab, match.stubble);
  const renders: ReportRender[] = [];
  for (const view of ['front', 'left', 'right', 'top'] as const) {
    for (const years of [0.1, 5]) renders.push({ view, years, image: headPng(160, 120, years < 1 ? 120 : 150) });
  }
  input = {
    createdAt: '2026-11-21T16:05:00+01:00',
    clinicName: 'Northside Scalp Clinic',
    client: { name: 'Jordan Example', consultationDate: '2026-11-21', notes: 'Wants a soft, mature hairline; works outdoors in summer.' },
    design,
    renders,
    shade: {
      stubbleHex: labToHex(match.stubble),
      healedDotHex: labToHex(dotLab),
      skinHex: labToHex(skinLab(design.skin)),
      deltaE00,
      verdict: verdictOf(deltaE00),
      recommendedShadeName: match.recommended.shade.name,
      currentShadeName: nearestShade(current.shade, design.pigment.tone).name,
    },
    plan,
    horizonYears: HORIZON_YEARS,
    estimate: treatmentEstimate(design, dots),
    removal: { ...kirbyDesai(defaultKirbyDesaiInput(design)), input: defaultKirbyDesaiInput(design) },
    // The app's own personal aftercare, every variant planned: the longest texts the report prints.
    aftercare: aftercareAdvice(
      design.fade,
      Object.fromEntries([['base', plan], ...aftercareScenarios(design.fade).map((v) => [v.id, planTouchUps(head, design, dots, v.scenario, HORIZON_YEARS, { maxDots: 4000 })])]),
      HORIZON_YEARS,
    ).map(({ title, advice, worth }) => ({ title, advice, worth })),
    sources: [...SOURCES],
    assumptions: [...ASSUMPTIONS],
    hairColourName: hairColor(design.hair.preset)?.name ?? design.hair.preset,
    hairLossName: HAIR_LOSS_PATTERNS.find((p) => p.id === design.hairLoss.pattern)?.name ?? design.hairLoss.pattern,
    skinTypeName: 'Fitzpatrick III',
  };
});

describe('consultation report PDF', () => {
  let full: PdfFigures;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const t0 = performance.now();
    bytes = await renderReportPdf(input, readReportFonts);
    const ms = performance.now() - t0;
    full = await readPdf(bytes);
    console.log(
      `report: ${full.pages} pages, ${(bytes.length / 1024).toFixed(0)} KiB, rendered in ${ms.toFixed(0)} ms (pdfmake load included); images per page ${full.images.join(' ')}; missing glyphs ${full.missingGlyphs.join(' ')}`,
    );
    if (process.env.REPORT_SAMPLE === '1') writeFileSync('/tmp/report-sample.pdf', bytes);
  });

  it('is a PDF of 6-8 A4 pages, each footed "Page k of n" and the short disclaimer', () => {
    expect(Array.from(bytes.subarray(0, 5))).toEqual([...Buffer.from('%PDF-')]);
    expect(full.pages).toBeGreaterThanOrEqual(6);
    expect(full.pages).toBeLessThanOrEqual(8);
    full.text.forEach((t, k) => {
      expect(flat(t)).toContain(`Page ${k + 1} of ${full.pages}`);
      expect(flat(t)).toContain('not medical advice');
    });
  });

  it('prints the client, the dates, the touch-up years, the cost total and the removal estimate as text', () => {
    const all = flat(full.text.join('\n'));
    const first = flat(full.text[0]);
    expect(first).toContain('Northside Scalp Clinic');
    expect(first).toContain('Scalp micropigmentation: your consultation');
    expect(first).toContain('Jordan Example');
    expect(first).toContain('21 November 2026');
    expect(first).toContain('Wants a soft, mature hairline');
    // The default design's touch-ups in 20 years (fade.test.ts measures why), each printed to 1 decimal.
    expect(plan.schedule.length).toBeGreaterThanOrEqual(2);
    for (const t of plan.schedule) expect(all).toContain(t.toFixed(1));
    expect(all).toContain(
      `Touch-ups due at ${plan.schedule
        .slice(0, -1)
        .map((t) => t.toFixed(1))
        .join(', ')} and ${plan.schedule.at(-1)!.toFixed(1)} years`,
    );
    const total = `$${plan.cost.total[0].toLocaleString('en-GB')}–$${plan.cost.total[1].toLocaleString('en-GB')}`;
    expect(total).toBe('$2,200–$6,500');
    expect(first).toContain(total);
    expect(all).toContain(`Total over 20 years ${total}`);
    expect(all).toContain(`Touch-ups: ${plan.cost.touchUps} × $300–$500`);
    expect(all).toContain(`${input.estimate.dots.toLocaleString('en-GB')} dots`);
    expect(all).toContain('Kirby-Desai');
    expect(all).toContain(`${input.removal.points} points, about ${input.removal.sessions[0]}–${input.removal.sessions[1]} laser sessions`);
    expect(all).toContain(input.shade.recommendedShadeName);
    expect(all).toContain(`${input.shade.deltaE00.toFixed(1)} ΔE00`);
    // Every aftercare rule and its worth, whole (a block taller than a page once printed as nothing).
    expect(input.aftercare.length).toBe(7);
    for (const a of input.aftercare) {
      expect(all).toContain(flat(a.title));
      expect(all).toContain(flat(a.worth).slice(0, 60));
    }
    expect(all).toContain('Faurschou & Wulf');
    expect(all).toContain(SOURCES[SOURCES.length - 1].topic);
    // The chart's legend and year labels are text too, not pixels.
    expect(all).toContain('Touch-up threshold');
    // The full disclaimer closes the last page.
    const last = flat(full.text[full.pages - 1]);
    expect(last).toContain('About this report');
    expect(last).toContain('This report is not medical advice');
    expect(last).toContain('Results are not guaranteed');
    // Every character the report prints of its own is in its font: not one missing-glyph box.
    expect(full.missingGlyphs.every((n) => n === 0)).toBe(true);
  });

  it('embeds the 8 views, 2 on the first page and 6 on the second, captioned', () => {
    expect(full.images.slice(0, 2)).toEqual([2, 6]);
    expect(full.images.reduce((a, b) => a + b, 0)).toBe(8);
    expect(flat(full.text[0])).toContain('Front, healed');
    expect(flat(full.text[0])).toContain('Front, 5 years');
    for (const c of ['Left, healed', 'Left, 5 years', 'Right, 5 years', 'Top, healed']) expect(flat(full.text[1])).toContain(c);
  });

  it('prints a name with markup verbatim, and with no views still makes a report saying so', async () => {
    const name = '<b>Ann & "Bo"</b>';
    const pdf = await renderReportPdf({ ...input, clinicName: '', renders: [], client: { ...input.client, name, notes: '' } }, readReportFonts);
    if (process.env.REPORT_SAMPLE === '1') writeFileSync('/tmp/report-sample-no-views.pdf', pdf);
    const r = await readPdf(pdf);
    expect(r.text.join('\n')).toContain(name);
    expect(flat(r.text[0])).toContain('SMP Studio consultation report');
    expect(flat(r.text[0])).toContain('Views were not available');
    expect(flat(r.text[0])).not.toContain('Notes');
    expect(r.images.reduce((a, b) => a + b, 0)).toBe(0);
    // The views page folds into the design page: one page fewer.
    expect(r.pages).toBe(full.pages - 1);
    expect(flat(r.text[r.pages - 1])).toContain(`Page ${r.pages} of ${r.pages}`);
  });

  it('prints emoji, ZWJ families and bidi tricks in free text as readable words, never as missing glyphs', async () => {
    const name = 'Ann\u202Eexe.live 😀 👨‍👩‍👧 Zoe\u0308';
    const design = structuredClone(input.design);
    design.layers[0].name = '👍🏽 First\u2067 pass';
    const pdf = await renderReportPdf(
      {
        ...input,
        clinicName: 'Clinic ✂️ North',
        renders: [],
        design,
        client: { ...input.client, name, notes: '🇬🇧 Łukasz 🎉🎉 José, 李 friend' },
      },
      readReportFonts,
    );
    const r = await readPdf(pdf);
    console.log(`report with emoji and bidi controls: missing glyphs per page ${r.missingGlyphs.join(' ')}; cover "${flat(r.text[0]).slice(0, 120)}"`);
    const first = flat(r.text[0]);
    expect(first).toContain('Annexe.live [emoji] [emoji] Zoë');
    expect(first).toContain('Clinic [emoji] North');
    expect(first).toContain('[flag GB] Łukasz [emoji] José, [?] friend');
    // The running header on the next pages, and the design's session name in its table.
    expect(flat(r.text[1])).toContain('Annexe.live [emoji] [emoji] Zoë ·');
    expect(flat(r.text.join('\n'))).toContain('[emoji] First pass');
    expect(r.missingGlyphs).toEqual(r.text.map(() => 0));
    expect(r.text.join('')).not.toMatch(/[\u0000\u202E\u2067\u200D]/);
    // The viewer shows the title in its own fonts: the emoji may stay, the controls may not.
    expect(r.title).toBe(`Scalp micropigmentation: your consultation (Annexe.live 😀 👨‍👩‍👧 Zoe\u0308)`);
  });

  it('leaves out a render that is not a PNG and says so in its place', async () => {
    const renders = input.renders.map((x, k) => (k === 0 ? { ...x, image: new Uint8Array([1, 2, 3, 4]) } : x));
    const r = await readPdf(await renderReportPdf({ ...input, renders }, readReportFonts));
    expect(r.images[0]).toBe(1);
    expect(flat(r.text[0])).toContain('This view is not available');
  });
});

describe("the client's photos on the first page", () => {
  let photos: ReportPhotos;
  beforeAll(() => {
    photos = {
      main: { view: 'front', before: headPng(150, 200, 180), after: headPng(150, 200, 120) },
      others: [
        { view: 'left', after: headPng(150, 200, 130) },
        { view: 'right', after: headPng(150, 200, 140) },
      ],
      years: 0.1,
      consentedAt: '2026-11-20T10:00:00Z',
    };
  });

  /** The images the first page's content names, in order. */
  const coverImages = (doc: ReturnType<typeof reportDocument>) => {
    const content = doc.content as unknown[];
    const firstBreak = content.findIndex((c) => typeof c === 'object' && c !== null && (c as { pageBreak?: string }).pageBreak === 'before');
    return [...JSON.stringify(content.slice(0, firstBreak)).matchAll(/"image":"([^"]+)"/g)].map((m) => m[1]);
  };

  it('with consent, the document puts the photo before and after, the sides after and the consent line first, the front views with the others', () => {
    const doc = reportDocument({ ...input, photos });
    expect(coverImages(doc)).toEqual(['photo-before', 'photo-after', 'photo-side-0', 'photo-side-1']);
    const images = doc.images as Record<string, string>;
    expect(images['photo-before']).toMatch(/^data:image\/png;base64,/);
    expect(images['photo-before']).not.toBe(images['photo-after']);
    const cover = JSON.stringify((doc.content as unknown[]).slice(0, 8));
    expect(cover).toContain('Before: the front photo as taken');
    expect(cover).toContain('After: healed');
    expect(cover).toContain('Left side, after');
    expect(cover).toContain(consentLine(photos.consentedAt));
    expect(consentLine(photos.consentedAt)).toBe('The client agreed on 20 November 2026 to their photos being used in this report.');
    // Every render is still in: the front pair on the views page.
    expect(Object.keys(images).filter((k) => k.startsWith('render-')).length).toBe(8);
  });

  it('without consent (no photos given), the document is as before and says nothing of photos', () => {
    for (const none of [undefined, null]) {
      const doc = reportDocument({ ...input, photos: none });
      expect(coverImages(doc)).toEqual(['render-0', 'render-1']);
      expect(Object.keys(doc.images ?? {}).filter((k) => !k.startsWith('render-'))).toEqual([]);
      expect(JSON.stringify(doc.content)).not.toMatch(/agreed|“after”/);
      expect(JSON.stringify(doc.content)).toBe(JSON.stringify(reportDocument(input).content));
    }
  });

  it('a main photo that is not an image leaves the photos out; a bad side photo only leaves its place', () => {
    const broken = reportDocument({ ...input, photos: { ...photos, main: { ...photos.main, after: new Uint8Array([1, 2, 3]) } } });
    expect(coverImages(broken)).toEqual(['render-0', 'render-1']);
    expect(JSON.stringify(broken.content)).not.toContain('agreed');
    const side = reportDocument({ ...input, photos: { ...photos, others: [{ view: 'left', after: new Uint8Array(30) }, photos.others[1]] } });
    expect(coverImages(side)).toEqual(['photo-before', 'photo-after', 'photo-side-1']);
  });

  it('says which year the after picture shows', () => {
    expect(afterLabel(0)).toBe('fresh, the day of the session');
    expect(afterLabel(0.05)).toBe('healing, 3 weeks after the session');
    expect(afterLabel(0.1)).toBe('healed');
    expect(afterLabel(5)).toBe('at 5 years, without a touch-up');
    expect(afterLabel(1)).toBe('at 1 year, without a touch-up');
  });

  it('in the PDF: two photos, two sides and the consent line on the first page, the eight views on the second, one page as before', async () => {
    const pdf = await renderReportPdf({ ...input, photos: { ...photos, years: 5 } }, readReportFonts);
    if (process.env.REPORT_SAMPLE === '1') writeFileSync('/tmp/report-sample-photos.pdf', pdf);
    const [r, without] = await Promise.all([readPdf(pdf), renderReportPdf(input, readReportFonts).then(readPdf)]);
    console.log(`report with photos: ${r.pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB, images per page ${r.images.join(' ')}`);
    expect(r.images.slice(0, 2)).toEqual([4, 8]);
    expect(r.pages).toBe(without.pages);
    const first = flat(r.text[0]);
    expect(first).toContain('Before: the front photo as taken');
    expect(first).toContain('After: at 5 years, without a touch-up');
    expect(first).toContain('The client agreed on 20 November 2026 to their photos being used in this report.');
    expect(first).toContain(flat(PHOTO_NOTE));
    // The client's details still on the first page.
    expect(first).toContain('Wants a soft, mature hairline');
    for (const c of ['Front, healed', 'Front, 5 years', 'Top, 5 years']) expect(flat(r.text[1])).toContain(c);
    expect(r.missingGlyphs.every((n) => n === 0)).toBe(true);
  });
});

describe('fade chart SVG', () => {
  const numbers = (s: string) =>
    s
      .trim()
      .split(/\s+/)
      .map((p) => p.split(',').map(Number));

  it('has one curve point per sample, a dashed threshold and one marker per touch-up, on the curve', () => {
    const svg = fadeChartSvg(plan, HORIZON_YEARS);
    const points = numbers(/<polyline class="contrast" points="([^"]+)"/.exec(svg)![1]);
    expect(points.length).toBe(plan.years.length);
    expect(plan.years.length).toBe(HORIZON_YEARS * 12 + 1);
    const markers = [...svg.matchAll(/<circle class="touch-up" cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(markers.length).toBe(plan.schedule.length);
    // x is linear in years over the plot: the first and last samples span it.
    const xOf = (t: number) => points[0][0] + (t / HORIZON_YEARS) * (points[points.length - 1][0] - points[0][0]);
    plan.schedule.forEach((t, k) => {
      const sample = Math.round(t * 12);
      expect(markers[k][0]).toBeCloseTo(xOf(t), 1);
      // The marker sits on the curve at its sample, and the curve jumps back up (smaller y) right after: the sawtooth.
      expect(markers[k][1]).toBeCloseTo(points[sample][1], 1);
      expect(points[sample + 1]?.[1] ?? -Infinity).toBeLessThan(points[sample][1] - 5);
    });
    const threshold = /<line class="threshold" x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)"[^>]*stroke-dasharray="5 3"/.exec(svg);
    expect(threshold).not.toBeNull();
    // Every touch-up marker sits at or just below the threshold: that is why it is due.
    for (const [, y] of markers) expect(y).toBeGreaterThanOrEqual(Number(threshold![1]) - 0.5);
    for (const t of plan.schedule) expect(svg).toContain(`>${t.toFixed(1)}</text>`);
    // Year ticks every 2 years over 20: 0, 2, ... 20.
    expect([...svg.matchAll(/class="x-tick"[^>]*>([\d.]+)</g)].map((m) => Number(m[1]))).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
  });

  it('with no touch-ups draws no marker', () => {
    const svg = fadeChartSvg({ ...plan, schedule: [] }, HORIZON_YEARS);
    expect(svg.match(/class="touch-up"/g)).toBeNull();
  });
});

describe('report text', () => {
  it('formats years, money and dates for people', () => {
    expect(yearsLabel(0.1)).toBe('Healed');
    expect(yearsLabel(5)).toBe('5 years');
    expect(yearsLabel(1)).toBe('1 year');
    expect(formatMoney('$', 12500)).toBe('$12,500');
    expect(formatMoney('CHF', 1200)).toBe('CHF 1,200');
    expect(formatMoneyRange('€', [300, 300])).toBe('€300');
    // The date as written, whatever the time zone of the machine making the report.
    expect(formatDate('2026-03-05T23:30:00-08:00')).toBe('5 March 2026');
    expect(formatDate('next Tuesday')).toBe('next Tuesday');
  });

  it('builds the same document from the same input', () => {
    const a = JSON.stringify(reportDocument(input).content);
    expect(JSON.stringify(reportDocument(input).content)).toBe(a);
    expect(a.length).toBeGreaterThan(1000);
  });
});

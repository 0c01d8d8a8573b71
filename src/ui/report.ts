/** Gathers the consultation report from what is on screen: the client, the design, eight views
 * of the head (four sides, healed and at 5 years), the client's photos with the design drawn on
 * them when they agreed (reportPhotos.ts), the shade match, the touch-up plan, the
 * estimates and the personal aftercare; then lays it out as a PDF (src/report). */
import {
  aftercareAdvice,
  ASSUMPTIONS,
  designShadeMatch,
  HAIR_LOSS_PATTERNS,
  hairColor,
  HEALED_YEARS,
  kirbyDesai,
  labToHex,
  localDay,
  localIso,
  nearestShade,
  skinLab,
  SOURCES,
  treatmentEstimate,
} from '../model';
import type { ReportInput, ReportView } from '../report/reportInput';
import { captureViews, whenSettled } from '../scene/captureViews';
import { PLAN_HORIZON_YEARS, useAppStore } from '../state/store';
import { useRecords } from '../state/records';
import { useRemovalInput } from '../state/removal';
import { renderReportInWorker } from '../state/reportClient';
import { reportPhotos } from './reportPhotos';
import { SKIN_TYPES } from './SkinTone';

const VIEWS: readonly ReportView[] = ['front', 'left', 'right', 'top'];
export const REPORT_YEARS = [HEALED_YEARS, 5] as const;
/** The whole view's width; the square kept of it (about 800 px) is sharp at 150 dpi in a half-page picture. */
const RENDER_WIDTH_PX = 1280;

export interface ReportDetails {
  clinicName: string;
  /** Used when no client record is open. */
  clientName: string;
}

/** The touch-up plan of the design on screen and its aftercare variants, once the fade worker has made them. */
async function whenPlanned(timeoutMs = 60_000) {
  const t0 = performance.now();
  for (;;) {
    const { fadePlans } = useAppStore.getState();
    if (fadePlans.status === 'ready' && fadePlans.own && fadePlans.aftercare) return { own: fadePlans.own, aftercare: fadePlans.aftercare };
    if (fadePlans.status === 'error') throw new Error(fadePlans.message ?? 'The touch-up plan could not be made.');
    if (performance.now() - t0 > timeoutMs) throw new Error('The touch-up plan took too long to work out.');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The PDF's bytes. Throws with a reason a user can act on. */
export async function makeReport(details: ReportDetails, onStep: (what: string) => void): Promise<Uint8Array> {
  onStep('Waiting for the preview…');
  await whenSettled();
  onStep('Working out the touch-ups…');
  const { own: plan, aftercare: variantPlans } = await whenPlanned();
  const { design, dots } = useAppStore.getState();
  if (!dots) throw new Error('The dots are not ready yet.');
  onStep('Drawing the views…');
  const renders = await captureViews(
    VIEWS.flatMap((view) => REPORT_YEARS.map((years) => ({ view, years }))),
    RENDER_WIDTH_PX,
    { aspect: 1, type: 'image/jpeg' },
  );
  // After the views, which put the year on screen back: the photos show it.
  const photos = await reportPhotos(onStep);
  const client = useRecords.getState().client;
  const match = designShadeMatch(design);
  const visible = design.layers.filter((l) => l.visible);
  // The design's darkest session is the colour the finished scalp reads as (later sessions are darker).
  const darkest = visible.reduce((m, l) => (l.shade > m ? l.shade : m), 0);
  const ownShade = nearestShade(darkest, design.pigment.tone);
  const own = match.shades.find((r) => r.shade.id === ownShade.id) ?? match.recommended;
  const removalInput = { ...useRemovalInput.getState(), fitzpatrick: design.skin.fitzpatrick, location: 'head-neck' as const };
  const aftercare = aftercareAdvice(design.fade, { base: plan, ...variantPlans }, PLAN_HORIZON_YEARS);
  const input: ReportInput = {
    createdAt: localIso(new Date()),
    clinicName: details.clinicName.trim(),
    client: client ? { name: client.name, consultationDate: client.consultationDate, notes: client.notes } : { name: details.clientName.trim() || 'Client', consultationDate: localDay(), notes: '' },
    design,
    renders,
    photos,
    shade: {
      stubbleHex: labToHex(match.stubble),
      healedDotHex: labToHex(own.apparent),
      skinHex: labToHex(skinLab(design.skin)),
      deltaE00: own.deltaE00,
      verdict: own.verdict,
      recommendedShadeName: match.recommended.shade.name,
      currentShadeName: own.shade.name,
    },
    plan,
    horizonYears: PLAN_HORIZON_YEARS,
    estimate: treatmentEstimate(design, dots),
    removal: { ...kirbyDesai(removalInput), input: removalInput },
    aftercare: aftercare.map(({ title, advice, worth }) => ({ title, advice, worth })),
    sources: [...SOURCES],
    assumptions: [...ASSUMPTIONS],
    hairColourName: design.hair.customLab ? 'Custom (matched to the client)' : (hairColor(design.hair.preset)?.name ?? design.hair.preset),
    hairLossName: HAIR_LOSS_PATTERNS.find((p) => p.id === design.hairLoss.pattern)?.name ?? design.hairLoss.pattern,
    skinTypeName: design.skin.customLab ? `Custom colour (type ${design.skin.fitzpatrick})` : SKIN_TYPES[design.skin.fitzpatrick - 1].short,
  };
  onStep('Writing the PDF…');
  return renderReportInWorker(input);
}

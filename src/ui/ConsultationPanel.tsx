import { AftercarePanel } from './AftercarePanel';
import { DesignFile } from './DesignFile';
import { LayersPanel } from './LayersPanel';
import { MeasuresForm } from './MeasuresForm';
import { ClientHairPanel } from './ClientHairPanel';
import { ScarsPanel } from './ScarsPanel';
import { SkinTone } from './SkinTone';
import { lazyPanel } from './lazyPanel';

// The heavier sections load on their own, after the rest of the panel (lazyPanel.tsx).
const ClientRecords = lazyPanel('the client records', () => import('./ClientRecords').then((m) => m.ClientRecords));
const PhotoIntake = lazyPanel("the client's photos", () => import('./PhotoIntake').then((m) => m.PhotoIntake));
const ShadeMatch = lazyPanel('the shade match', () => import('./ShadeMatch').then((m) => m.ShadeMatch));
const FadePanel = lazyPanel('the fading over the years', () => import('./FadePanel').then((m) => m.FadePanel));
const EstimatePanel = lazyPanel('the estimate', () => import('./EstimatePanel').then((m) => m.EstimatePanel));
const ReportPanel = lazyPanel('the report', () => import('./ReportPanel').then((m) => m.ReportPanel));

export function ConsultationPanel() {
  return (
    <>
      <p className="lede">Build the client's head to size and match their skin, design the sessions of dots, then show it from every side.</p>
      <ClientRecords />
      <PhotoIntake />
      <MeasuresForm />
      <SkinTone />
      <ClientHairPanel />
      <ScarsPanel />
      <ShadeMatch />
      <LayersPanel />
      <FadePanel />
      <AftercarePanel />
      <EstimatePanel />
      <ReportPanel />
      <DesignFile />
    </>
  );
}

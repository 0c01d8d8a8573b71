import { AftercarePanel } from './AftercarePanel';
import { ClientRecords } from './ClientRecords';
import { DesignFile } from './DesignFile';
import { LayersPanel } from './LayersPanel';
import { MeasuresForm } from './MeasuresForm';
import { ShadeMatch } from './ShadeMatch';
import { ClientHairPanel } from './ClientHairPanel';
import { ScarsPanel } from './ScarsPanel';
import { FadePanel } from './FadePanel';
import { ReportPanel } from './ReportPanel';
import { EstimatePanel } from './EstimatePanel';
import { SkinTone } from './SkinTone';

export function ConsultationPanel() {
  return (
    <>
      <p className="lede">Build the client's head to size and match their skin, design the sessions of dots, then show it from every side.</p>
      <ClientRecords />
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

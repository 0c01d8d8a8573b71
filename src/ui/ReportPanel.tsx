/** The consultation report: a PDF the clinic hands to the client, made on this device. */
import { useId, useState } from 'react';
import { usePhotos } from '../state/photos';
import { useRecords } from '../state/records';
import { setReportConsent, useReportConsent } from '../state/reportConsent';
import { useAppStore } from '../state/store';
import { fileNameFor } from '../storage/clientFile';
import { downloadBlob } from './download';
import { makeReport } from './report';

const CLINIC_KEY = 'smp-studio.clinic-name';

function savedClinicName(): string {
  try {
    return localStorage.getItem(CLINIC_KEY) ?? '';
  } catch {
    return '';
  }
}

export function ReportPanel() {
  const id = useId();
  const client = useRecords((s) => s.client);
  const shared = useRecords((s) => s.sharedOnScreen);
  // Photos belong to the open client: the consent is asked only when there are some, and not for a
  // design from a share link (ui/reportPhotos.ts).
  const hasPhotos = usePhotos((s) => client !== null && s.clientId === client.id && s.photos.length > 0);
  const consentedAt = useReportConsent((s) => (client ? s.given[client.id] : undefined));
  const mode = useAppStore((s) => s.mode);
  const actions = useAppStore((s) => s.actions);
  const [clinicName, setClinicName] = useState(savedClinicName);
  const [clientName, setClientName] = useState('');
  const [step, setStep] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const make = async () => {
    setDone(null);
    try {
      localStorage.setItem(CLINIC_KEY, clinicName);
    } catch {
      // Storage blocked: the name is used for this report only.
    }
    try {
      const pdf = await makeReport({ clinicName, clientName }, setStep);
      const name = client?.name ?? (clientName.trim() || 'Client');
      const file = fileNameFor(`${name} consultation`, '.pdf');
      downloadBlob(new Blob([pdf as BlobPart], { type: 'application/pdf' }), file);
      setDone(`Saved “${file}” (${(pdf.byteLength / 1e6).toFixed(1)} MB).`);
    } catch (e) {
      actions.showError(`The report could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setStep(null);
    }
  };

  return (
    <div className="group" data-testid="report-panel">
      <h3 className="group-title">Report for the client</h3>
      <div className="field">
        <label htmlFor={`${id}-clinic`}>Clinic name (printed at the top)</label>
        <input id={`${id}-clinic`} maxLength={120} value={clinicName} onChange={(e) => setClinicName(e.target.value)} />
      </div>
      {!client && (
        <div className="field">
          <label htmlFor={`${id}-client`}>Client's name</label>
          <input id={`${id}-client`} data-testid="report-client-name" maxLength={120} value={clientName} onChange={(e) => setClientName(e.target.value)} />
          <small className="help">Or open the client's record above: the report then takes their details.</small>
        </div>
      )}
      {client && hasPhotos && !shared && mode === 'consultation' && (
        <div className="field">
          <label className="check">
            <input type="checkbox" data-testid="report-photo-consent" checked={consentedAt !== undefined} onChange={(e) => setReportConsent(client.id, e.target.checked)} />
            The client agreed to their photos being used in this report
          </label>
          <small className="help">
            {consentedAt !== undefined ? 'The first page shows their photo before and after, with the design as on screen now, and says they agreed.' : 'Unticked, the report shows the 3D head only.'}
          </small>
        </div>
      )}
      <button type="button" className="primary" data-testid="make-report" disabled={step !== null} onClick={() => void make()}>
        {step ?? 'Make the report (PDF)'}
      </button>
      <p className="help" data-testid="report-status" role="status">
        {done ?? 'Views from four sides healed and at 5 years, the design, shade match, touch-ups and costs, estimates, personal aftercare and sources. Made on this device.'}
      </p>
    </div>
  );
}

import { stripBidiControls } from '../model';

/** Saves `blob` as a file on the device (the browser's download), nothing sent anywhere. The name
 * loses any bidi controls, so "evil\u202Egpj.exe" cannot pass itself off as "evilexe.jpg". */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = stripBidiControls(fileName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

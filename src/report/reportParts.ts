/** The report's look: page geometry, colours, text styles and the few building blocks every
 * section uses (headings, tables, notes). pdfmake prints strings as text, never as markup. */
import type { Content, CustomTableLayout, StyleDictionary, TableCell } from 'pdfmake/interfaces';

/** A4 portrait in points; 40 pt side margins leave a 515 pt wide column. */
export const PAGE = { widthPt: 595.28, heightPt: 841.89, marginPt: 40, contentWidthPt: 515 } as const;

export const COLOURS = {
  ink: '#1f2933',
  muted: '#5b6470',
  accent: '#1f5fbf',
  heading: '#17324d',
  rule: '#d5dbe3',
  band: '#eef3fa',
  headerFill: '#f1f4f8',
} as const;

export const STYLES: StyleDictionary = {
  brand: { fontSize: 10, bold: true, color: COLOURS.accent, characterSpacing: 0.4 },
  title: { fontSize: 21, bold: true, color: COLOURS.heading, lineHeight: 1.1 },
  h1: { fontSize: 16, bold: true, color: COLOURS.heading, margin: [0, 0, 0, 8] },
  h2: { fontSize: 12, bold: true, color: COLOURS.heading, margin: [0, 14, 0, 6] },
  lead: { fontSize: 10, color: COLOURS.muted, margin: [0, 0, 0, 10] },
  caption: { fontSize: 8.5, color: COLOURS.muted, alignment: 'center', margin: [0, 3, 0, 10] },
  note: { fontSize: 8.5, color: COLOURS.muted },
  th: { fontSize: 8.5, bold: true, color: COLOURS.heading },
  td: {},
  summaryValue: { fontSize: 13, bold: true, color: COLOURS.accent, alignment: 'center' },
  summaryLabel: { fontSize: 8, color: COLOURS.muted, alignment: 'center' },
  key: { fontSize: 9, color: COLOURS.muted },
  footer: { fontSize: 7.5, color: COLOURS.muted },
};

/** Light horizontal rules only, a tinted header row, roomy cells. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => COLOURS.rule,
  fillColor: (row, node) => (row < (node.table.headerRows ?? 0) ? COLOURS.headerFill : null),
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3.5,
  paddingBottom: () => 3.5,
};

/** The same, tighter, for long reference tables. */
export const COMPACT_TABLE_LAYOUT: CustomTableLayout = { ...TABLE_LAYOUT, paddingTop: () => 2.2, paddingBottom: () => 2.2 };

/** Key-value rows without a header: the key muted, the value in ink. */
export const KEY_VALUE_LAYOUT: CustomTableLayout = { ...TABLE_LAYOUT, fillColor: () => null, hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5) };

/** A section title; it starts a new page unless `newPage` is false, when it keeps a gap above. */
export const h1 = (text: string, newPage = true): Content => (newPage ? { text, style: 'h1', pageBreak: 'before' } : { text, style: 'h1', margin: [0, 18, 0, 8] });
export const h2 = (text: string): Content => ({ text, style: 'h2' });
export const paragraph = (text: string, margin: [number, number, number, number] = [0, 0, 0, 6]): Content => ({ text, margin });
export const note = (text: string, margin: [number, number, number, number] = [0, 2, 0, 6]): Content => ({ text, style: 'note', margin });

/** A table with a header row; `widths` as pdfmake takes them ('*', 'auto' or points). */
export function table(header: string[], rows: TableCell[][], widths: (string | number)[], options: { boldLastRow?: boolean; fontSize?: number; compact?: boolean } = {}): Content {
  const body: TableCell[][] = [header.map((h) => ({ text: h, style: 'th' })), ...rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c, style: 'td' } : c)))];
  if (options.boldLastRow && body.length > 1) body[body.length - 1] = body[body.length - 1].map((c) => ({ ...(c as object), bold: true }) as TableCell);
  return {
    table: { headerRows: 1, widths, body, dontBreakRows: true },
    layout: options.compact ? COMPACT_TABLE_LAYOUT : TABLE_LAYOUT,
    margin: [0, 2, 0, 8],
    fontSize: options.fontSize ?? 9,
    ...(options.compact ? { lineHeight: 1.1 } : {}),
  };
}

/** Two columns, key and value, no header. */
export function keyValues(rows: [string, string][], keyWidthPt = 150): Content {
  return {
    table: {
      widths: [keyWidthPt, '*'],
      body: rows.map(([k, v]) => [
        { text: k, style: 'key' },
        { text: v, style: 'td' },
      ]),
      dontBreakRows: true,
    },
    layout: KEY_VALUE_LAYOUT,
    margin: [0, 2, 0, 8],
    fontSize: 9,
  };
}

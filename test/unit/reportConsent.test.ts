import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/report/reportFormat';
import { setReportConsent, useReportConsent } from '../../src/state/reportConsent';

describe("the client's consent to their photos in the report", () => {
  it('is kept per client with the local time it was given, and taken back', () => {
    expect(useReportConsent.getState().given).toEqual({});
    // Late in the evening, local time: the date printed is that day's, whatever the time zone.
    setReportConsent('c1', true, new Date(2026, 10, 20, 23, 30, 5));
    setReportConsent('c2', true, new Date(2026, 0, 2, 0, 15));
    const { given } = useReportConsent.getState();
    expect(given.c1).toMatch(/^2026-11-20T23:30:05[+-]\d{2}:\d{2}$/);
    expect(Date.parse(given.c1)).toBe(new Date(2026, 10, 20, 23, 30, 5).getTime());
    expect(formatDate(given.c1)).toBe('20 November 2026');
    expect(formatDate(given.c2)).toBe('2 January 2026');
    setReportConsent('c1', false);
    expect(Object.keys(useReportConsent.getState().given)).toEqual(['c2']);
  });
});

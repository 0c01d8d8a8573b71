// Dates as the device reads them: a time late in the evening west of Greenwich is that day, not
// the next one as its UTC form would say.
import { afterEach, describe, expect, it } from 'vitest';
import { localDay, localIso } from '../../src/model';

const realTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = realTz;
});

describe('local dates', () => {
  it('dates 23:30 in New York that day, with its offset', () => {
    process.env.TZ = 'America/New_York';
    const at = new Date('2026-12-08T04:30:00Z'); // 23:30 on 7 December in New York (UTC-5)
    expect(at.toISOString().slice(0, 10)).toBe('2026-12-08');
    expect(localIso(at)).toBe('2026-12-07T23:30:00-05:00');
    expect(localDay(at)).toBe('2026-12-07');
    expect(Date.parse(localIso(at))).toBe(at.getTime());
  });

  it('writes offsets east of Greenwich and with half hours', () => {
    process.env.TZ = 'Asia/Kolkata';
    const at = new Date('2026-12-07T20:00:00Z');
    expect(localIso(at)).toBe('2026-12-08T01:30:00+05:30');
    expect(localDay(at)).toBe('2026-12-08');
  });
});

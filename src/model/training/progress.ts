import { z } from '../zod';

const figure = (label: string, unit: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .finite({ error: `${label} must be a finite number` })
    .min(min, { error: `${label} must be at least ${min}${unit}` })
    .max(max, { error: `${label} must be at most ${max}${unit}` });

/** One attempt at an exercise, as kept on the device. */
export const progressRecordSchema = z.object({
  exerciseId: z.string({ error: 'Exercise id must be text' }).min(1, { error: 'Exercise id must not be empty' }).max(40, { error: 'Exercise id must be at most 40 characters' }),
  dateIso: z.iso.datetime({ error: 'Date must be an ISO 8601 date and time, e.g. 2026-01-31T14:05:00Z' }),
  score: figure('Score', '', 0, 100),
  figures: z.object({
    dots: z.number().int({ error: 'Dots must be a whole number' }).min(0, { error: 'Dots must be at least 0' }).max(1_000_000, { error: 'Dots must be at most 1000000' }),
    densityPerCm2: figure('Density', ' dots/cm²', 0, 10_000),
    nnCv: figure('Spacing CV', '', 0, 10),
    regularity: figure('Regularity', '', 0, 1),
    mergeDots: z.number().int({ error: 'Merged dots must be a whole number' }).min(0, { error: 'Merged dots must be at least 0' }),
    largestGapMm: figure('Largest gap', ' mm', 0, 1000),
    minutes: figure('Minutes', ' min', 0, 100_000).nullable(),
  }),
});
export type ProgressRecord = z.infer<typeof progressRecordSchema>;

export interface ProgressProblem {
  index: number;
  reason: string;
}

/**
 * Reads saved attempts: a JSON string or an already parsed array. Valid records are kept in
 * order; each broken one is reported (index and reason) and skipped, so one bad record never
 * loses the others. Input that is not an array at all is one problem at index -1.
 */
export function parseProgress(json: unknown): { records: ProgressRecord[]; problems: ProgressProblem[] } {
  let data = json;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return { records: [], problems: [{ index: -1, reason: 'The saved progress is not valid JSON.' }] };
    }
  }
  if (!Array.isArray(data)) return { records: [], problems: [{ index: -1, reason: 'The saved progress must be a list of attempts.' }] };
  const records: ProgressRecord[] = [];
  const problems: ProgressProblem[] = [];
  data.forEach((item, index) => {
    const r = progressRecordSchema.safeParse(item);
    if (r.success) records.push(r.data);
    else {
      const issue = r.error.issues[0];
      const path = issue.path.join('.');
      problems.push({ index, reason: `${path || 'record'}: ${issue.message}` });
    }
  });
  return { records, problems };
}

/** A record for an attempt from its score (figures rounded for storage). */
export function progressRecord(
  exerciseId: string,
  date: Date,
  s: { score: number; figures: { placed: number; densityPerCm2: number; nnCv: number; regularity: number; mergeDots: number; largestGapMm: number; minutes: number | null } },
): ProgressRecord {
  const f = s.figures;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    exerciseId,
    dateIso: date.toISOString(),
    score: s.score,
    figures: {
      dots: f.placed,
      densityPerCm2: r3(f.densityPerCm2),
      nnCv: r3(f.nnCv),
      regularity: r3(f.regularity),
      mergeDots: f.mergeDots,
      largestGapMm: r3(f.largestGapMm),
      minutes: f.minutes === null ? null : r3(f.minutes),
    },
  };
}

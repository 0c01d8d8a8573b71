/** `npm run bench`: figures as JSON lines, compared within one run (ratios), never pass/fail. */
import { benchDots } from './dots';

const emit = (row: Record<string, unknown>) => console.log(JSON.stringify(row));

benchDots(emit);

/** `npm run bench`: figures as JSON lines, compared within one run (ratios), never pass/fail.
 * The browser part needs the built app (`npm run bench` builds it first). */
import { benchBrowser } from './browser';
import { benchDots } from './dots';
import { benchFade } from './fade';

const emit = (row: Record<string, unknown>) => console.log(JSON.stringify(row));

benchDots(emit);
benchFade(emit);
await benchBrowser(emit);

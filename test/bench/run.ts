/** `npm run bench`: figures as JSON lines, compared within one run (ratios), never pass/fail.
 * The browser parts need the built app (`npm run bench` builds it first; SMP_DIST=scratch/dist-x
 * measures another build). SMP_BENCH=first-load,dots,fade,browser,photo runs only those parts. */
import { benchBrowser } from './browser';
import { benchDots } from './dots';
import { benchFade } from './fade';
import { benchFirstLoad } from './firstLoad';
import { benchPhoto } from './photo';

const emit = (row: Record<string, unknown>) => console.log(JSON.stringify(row));
const only = process.env.SMP_BENCH?.split(',').map((s) => s.trim());
const runs = (part: string) => !only || only.includes(part);

// First, while nothing else has run in this process.
if (runs('first-load')) await benchFirstLoad(emit);
if (runs('dots')) benchDots(emit);
if (runs('fade')) benchFade(emit);
if (runs('browser')) await benchBrowser(emit);
if (runs('photo')) await benchPhoto(emit);

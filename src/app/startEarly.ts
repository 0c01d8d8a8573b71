/** What the app starts before anything else is evaluated (main.tsx imports this first). */
import { prefetchFirstHead } from '../state/store';
import { probeGpu } from './gpuProbe';

void probeGpu();
prefetchFirstHead();

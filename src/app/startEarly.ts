/** What the app starts before anything else is evaluated (main.tsx imports this first). */
import { probeGpu } from './gpuProbe';

void probeGpu();

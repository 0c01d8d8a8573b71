import { setConsoleFunction } from 'three';

/** Deprecations three.js reports about code we do not own (react-three-fiber 9 still creates a
 * THREE.Clock); they say nothing about this app, so they are not shown. Everything else three
 * reports goes to the console as before. */
const IGNORED = ['THREE.Clock: This module has been deprecated.'];

export function quietForeignDeprecations(): void {
  setConsoleFunction((type: 'log' | 'warn' | 'error', message: string, ...params: unknown[]) => {
    if (type === 'warn' && IGNORED.some((m) => message.startsWith(m))) return;
    console[type](message, ...params);
  });
}

/** What kind of WebGL the browser gives us, asked once through a throwaway context (or told by
 * the app's start-up probe, app/gpuProbe.ts, which asks off the main thread). */

let software: boolean | null = null;

/** True for the renderer names of CPU rasterisers (SwiftShader, llvmpipe, Microsoft Basic Render). */
export function isSoftwareRendererName(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|basic render/i.test(name);
}

/** Records the answer of a probe made elsewhere, so that no context has to be made here. */
export function knowSoftwareRenderer(value: boolean): void {
  software = value;
}

/** True for CPU rasterisers (SwiftShader, llvmpipe, Microsoft Basic Render): there every
 * fragment costs CPU time, and 4x MSAA about doubles the head's frame time. */
export function isSoftwareRenderer(): boolean {
  if (software !== null) return software;
  software = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      software = isSoftwareRendererName(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No answer: assume a GPU.
  }
  return software;
}

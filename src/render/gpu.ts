/** What kind of WebGL the browser gives us, asked once through a throwaway context. */

let software: boolean | null = null;

/** True for CPU rasterisers (SwiftShader, llvmpipe, Microsoft Basic Render): there every
 * fragment costs CPU time, and 4x MSAA about doubles the head's frame time. */
export function isSoftwareRenderer(): boolean {
  if (software !== null) return software;
  software = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      software = /swiftshader|llvmpipe|softpipe|basic render/i.test(name);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No answer: assume a GPU.
  }
  return software;
}

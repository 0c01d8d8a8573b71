/** The page's Content-Security-Policy, put into the built index.html (vite.config.ts). The dev
 * server is left without it: its hot reload runs an inline script. Everything the app uses comes
 * from its own origin; what is made in the page (screenshots, downloads, the report) is data: or
 * blob:. */
const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  // WebAssembly is compiled from the app's own files, never from text: no 'unsafe-eval'.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  // The settings panel's styles are injected at run time.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

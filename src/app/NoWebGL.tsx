/** Shown instead of the 3D preview when the browser cannot give us WebGL 2. */
export function NoWebGL() {
  return (
    <div className="no-webgl" data-testid="no-webgl" role="status">
      <h2>The 3D preview needs WebGL</h2>
      <p>This browser did not let the page use 3D graphics (WebGL 2), so the head cannot be shown. The rest of the app still works.</p>
      <ul>
        <li>Turn on hardware acceleration: in Chrome or Edge, Settings → System → “Use graphics acceleration when available”, then restart the browser.</li>
        <li>In Firefox, open about:config and check that webgl.disabled is false.</li>
        <li>Update the browser, or open this page in a recent Chrome, Edge, Firefox or Safari.</li>
        <li>On a work computer, WebGL may be blocked by policy: ask your IT team.</li>
      </ul>
    </div>
  );
}

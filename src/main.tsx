import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { quietForeignDeprecations } from './render/threeConsole';
import './app/app.css';

quietForeignDeprecations();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Once loaded, the app works with no network: a service worker keeps the built files (vite.config.ts).
// Without one (an old browser, a private window), it simply needs the network next time.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
  });
}

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

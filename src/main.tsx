// First: the GPU probe's worker starts while the rest of the app's code is evaluated.
import './app/startEarly';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { afterFirstPicture } from './ui/firstPicture';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Once loaded, the app works with no network: a service worker keeps the built files (vite.config.ts).
// Without one (an old browser, a private window), it simply needs the network next time. It is
// registered once the first picture is up: its download of the whole app would compete with it.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  afterFirstPicture(() => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
  });
}

// A transition: React renders the page in slices, giving the browser a turn every few ms.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

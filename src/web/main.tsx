/**
 * The browser application's entry: the page (Preact), the service worker that makes it work
 * offline, and the test probe. See docs/architecture.md, "The browser".
 */
import { render } from 'preact';
import { App } from './components/app.js';
import { probe } from './probe.js';
import './styles.css';

render(<App />, document.getElementById('app')!);

// offline: the service worker precaches the shell, the Worker, h5wasm and the demo data
if ('serviceWorker' in navigator) {
  const markControlled = () => { probe.offlineReady = navigator.serviceWorker.controller !== null; };
  navigator.serviceWorker.addEventListener('controllerchange', markControlled);
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(async () => {
    await navigator.serviceWorker.ready;
    markControlled();
  }).catch((error: unknown) => {
    // no secure context (http://<LAN address>), or the browser refuses: the page works, a reload offline will not
    console.warn(`sarbridge: offline mode unavailable (${(error as Error).message})`);
  });
  markControlled();
}

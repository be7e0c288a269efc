import '@fontsource/noto-sans-armenian/armenian-400.css';
import '@fontsource/noto-sans-armenian/armenian-700.css';
import '@fontsource/noto-sans-armenian/latin-400.css';
import '@fontsource/noto-sans-armenian/latin-700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BehaviorSubject } from 'rxjs';
import { App } from './app/App.js';
import { I18nProvider } from './i18n/I18n.js';
import { loadIntlPolyfills } from './i18n/intl-polyfills.js';
import { connectElectronLink } from './link/electron-link.js';
import type { CoreLink, LinkState } from './link/link-state.js';
import { connectWebSocketLink, takeTokenFromLocation } from './link/websocket-link.js';
import 'uplot/dist/uPlot.min.css';
import './styles.css';

/** The kiosk loads from app://; `sahman serve` serves over http on 127.0.0.1. */
function openLink(): CoreLink {
  if (window.location.protocol === 'app:') return connectElectronLink(window);
  const token = takeTokenFromLocation(window.location, window.sessionStorage, window.history);
  if (token === undefined) {
    return { state$: new BehaviorSubject<LinkState>({ kind: 'no-token' }), client$: new BehaviorSubject(null) };
  }
  return connectWebSocketLink(`ws://${window.location.host}/rpc`, token);
}

// `sahman serve` prints a new address (a new token) at each start: opening it in this tab starts afresh.
window.addEventListener('hashchange', () => {
  if (new URLSearchParams(window.location.hash.replace(/^#/, '')).has('token')) window.location.reload();
});

const container = document.getElementById('root');
if (container === null) throw new Error('index.html lacks #root');
const link = openLink();
// The Armenian data must be in place before the first date or plural is formatted.
await loadIntlPolyfills();
createRoot(container).render(
  <StrictMode>
    <I18nProvider storage={window.localStorage}>
      <App link={link} />
    </I18nProvider>
  </StrictMode>,
);

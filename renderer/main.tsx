import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BehaviorSubject } from 'rxjs';
import { connectElectronLink } from './link/electron-link.js';
import type { CoreLink, LinkState } from './link/link-state.js';
import { connectWebSocketLink, takeTokenFromLocation } from './link/websocket-link.js';
import { StatusScreen } from './status/StatusScreen.js';
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

const container = document.getElementById('root');
if (container === null) throw new Error('index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <StatusScreen link={openLink()} />
  </StrictMode>,
);

import { useEffect, useState } from 'react';
import type { Direction } from '../../main/common/contract/config.js';
import type { CoreLink, LinkState } from '../link/link-state.js';
import { LaneScreen } from '../lane/LaneScreen.js';
import { OfficersScreen } from '../officers/OfficersScreen.js';
import { SecondLineScreen } from '../second-line/SecondLineScreen.js';
import { AuditScreen } from '../shift/AuditScreen.js';
import { ShiftScreen } from '../shift/ShiftScreen.js';
import { DiagnosticsScreen } from '../central-link/DiagnosticsScreen.js';
import { CentralLinkScreen } from '../central-link/CentralLinkScreen.js';
import { ReadersScreen } from '../readers/ReadersScreen.js';
import { StatusScreen } from '../status/StatusScreen.js';
import { useObservable } from '../shared/use-observable.js';
import { useStream } from '../shared/use-stream.js';
import { useSystemInfo } from '../shared/use-system-info.js';
import { ChangePinScreen } from './ChangePinScreen.js';
import { LockScreen } from './LockScreen.js';
import { screensFor, type ScreenName } from './screens.js';
import { Shell } from './Shell.js';
import { SignInScreen } from './SignInScreen.js';
import { StatusBar } from './StatusBar.js';
import { useIdleLock } from './use-idle-lock.js';
import { useSession } from './use-session.js';

/** The whole UI: sign-in, the locked screen, and the screens of the signed-in officer's roles. */
export function App({ link }: { readonly link: CoreLink }) {
  const linkState = useObservable<LinkState>(link.state$, { kind: 'connecting' });
  const client = useObservable(link.client$, null);
  const info = useSystemInfo(client);
  const { session, signIn, changePin, lock, unlock, signOut, noticeFailure } = useSession(client);
  const [direction, setDirection] = useState<Direction>();
  const [screen, setScreen] = useState<ScreenName>();
  const [otherOfficer, setOtherOfficer] = useState(false);

  const officer = 'officer' in session ? session.officer : undefined;
  const signedIn = session.kind === 'signed-in';
  const readers = useStream(client, 'readers.status', {});
  const sync = useStream(client, 'sync.status', {}, signedIn);
  const freshness = useStream(client, 'alerts.freshness', {}, signedIn);

  useEffect(() => {
    if (info !== undefined) setDirection((current) => current ?? info.directionDefault);
  }, [info]);
  useEffect(() => {
    if (session.kind !== 'locked') setOtherOfficer(false);
    if (session.kind === 'signed-out') setScreen(undefined);
  }, [session.kind]);

  useIdleLock(
    signedIn,
    info === undefined ? undefined : info.idleLockSeconds * 1000,
    () => {
      lock().catch(noticeFailure);
    },
    () => {
      client?.call('auth.activity', {}).catch(noticeFailure);
    },
  );

  const statusBar = (
    <StatusBar link={linkState} info={info} direction={officer?.roles.includes('guard') === true ? direction : undefined} officer={signedIn ? officer : undefined} readers={readers?.readers} sync={signedIn ? sync : undefined} freshness={signedIn ? freshness : undefined} />
  );
  const connected = client !== null;
  const signInScreen = <SignInScreen connected={connected} onSignIn={signIn} />;

  if (session.kind === 'asking' || session.kind === 'signed-out') {
    return (
      <div className="shell">
        {signInScreen}
        {statusBar}
      </div>
    );
  }
  if (session.kind === 'locked') {
    return (
      <div className="shell">
        {otherOfficer ? (
          signInScreen
        ) : (
          <LockScreen
            officer={session.officer}
            onUnlock={unlock}
            onOtherOfficer={() => {
              setOtherOfficer(true);
            }}
          />
        )}
        {statusBar}
      </div>
    );
  }
  if (session.kind === 'must-change-pin') {
    return (
      <div className="shell">
        <ChangePinScreen
          onChangePin={changePin}
          onSignOut={() => {
            void signOut();
          }}
        />
        {statusBar}
      </div>
    );
  }

  const screens = screensFor(session.officer.roles);
  const current = screen !== undefined && screens.includes(screen) ? screen : screens[0];
  return (
    <Shell
      screens={screens}
      screen={current ?? 'lane'}
      onScreen={setScreen}
      onLock={() => {
        lock().catch(noticeFailure);
      }}
      onSignOut={() => {
        void signOut();
      }}
      statusBar={statusBar}
    >
      {current === 'lane' ? (
        <LaneScreen
          client={client}
          connected={connected && linkState.kind === 'connected'}
          direction={direction ?? 'entry'}
          onDirection={setDirection}
          readers={readers?.readers ?? []}
          onSessionFailure={noticeFailure}
          supervisor={session.officer.roles.includes('supervisor')}
        />
      ) : current === 'second-line' ? (
        <SecondLineScreen client={client} officer={session.officer} onSessionFailure={noticeFailure} />
      ) : current === 'shift' ? (
        <ShiftScreen client={client} onSessionFailure={noticeFailure} />
      ) : current === 'audit' ? (
        <AuditScreen client={client} onSessionFailure={noticeFailure} />
      ) : current === 'readers' ? (
        <ReadersScreen client={client} readers={readers?.readers} onSessionFailure={noticeFailure} />
      ) : current === 'central-link' ? (
        <CentralLinkScreen client={client} onSessionFailure={noticeFailure} />
      ) : current === 'diagnostics' ? (
        <DiagnosticsScreen client={client} onSessionFailure={noticeFailure} />
      ) : current === 'officers' ? (
        <OfficersScreen client={client} officer={session.officer} onSessionFailure={noticeFailure} />
      ) : current === 'status' ? (
        <StatusScreen client={client} info={info} readers={readers?.readers} />
      ) : null}
    </Shell>
  );
}

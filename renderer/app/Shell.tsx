import type { ReactNode } from 'react';
import { useT } from '../i18n/I18n.js';
import { LockIcon } from '../shared/LockIcon.js';
import { LanguagePicker } from './LanguagePicker.js';
import type { ScreenName } from './screens.js';

/** The frame around an officer's screens: the screens of their roles, language, lock and sign-out; the status bar names the officer. */
export function Shell({
  screens,
  screen,
  onScreen,
  onLock,
  onSignOut,
  children,
  statusBar,
}: {
  readonly screens: readonly ScreenName[];
  readonly screen: ScreenName;
  readonly onScreen: (screen: ScreenName) => void;
  readonly onLock: () => void;
  readonly onSignOut: () => void;
  readonly children: ReactNode;
  readonly statusBar: ReactNode;
}) {
  const t = useT();
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('shell.navigation')}>
          <ul className="nav-list">
            {screens.map((name) => (
              <li key={name}>
                <a
                  href={`#${name}`}
                  className={name === screen ? 'nav-item nav-current' : 'nav-item'}
                  aria-current={name === screen ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    onScreen(name);
                  }}
                >
                  {t(`screen.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="shell-actions">
          <LanguagePicker />
          <button type="button" onClick={onLock}>
            <LockIcon />
            {t('lock.lockNow')}
          </button>
          <button type="button" onClick={onSignOut}>
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <div className="shell-body">{children}</div>
      {statusBar}
    </div>
  );
}

import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import qrcode from 'qrcode-generator';
import type { LinkCheck, Registration } from '../../main/common/contract/link-check.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { StateWord } from '../shared/StateWord.js';
import { useFailure } from '../shared/use-failure.js';
import { CentralSettingsForm } from './CentralSettingsForm.js';

/** The technician's link to central: the settings in force, editable, the step-by-step connectivity test, and what registration at central takes. */
export function CentralLinkScreen({ client, onSessionFailure }: { readonly client: RpcClient | null; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const settingsId = useId();
  const testId = useId();
  const registrationId = useId();
  const { error, fail, clear } = useFailure(onSessionFailure);
  const [registration, setRegistration] = useState<Registration>();
  const [check, setCheck] = useState<LinkCheck>();
  const [running, setRunning] = useState(false);
  const loadRegistration = useCallback(() => {
    if (client === null) return;
    client.call('central.registration', {}).then(setRegistration, fail);
  }, [client, fail]);
  useEffect(loadRegistration, [loadRegistration]);
  const settingsSaved = (): void => {
    // A test run against the settings replaced says nothing of the new ones; the registration names central's URL and key.
    setCheck(undefined);
    loadRegistration();
  };
  const qr = useMemo(() => {
    if (registration === undefined) return undefined;
    const code = qrcode(0, 'M');
    code.addData(registration.command);
    code.make();
    return code.createDataURL(4, 2);
  }, [registration]);
  const test = (): void => {
    if (client === null) return;
    setRunning(true);
    clear();
    client
      .call('central.linkTest', {})
      .then(setCheck, fail)
      .finally(() => {
        setRunning(false);
      });
  };
  return (
    <main className="audit-screen central-link">
      <h1>{t('link.title')}</h1>
      <ErrorAlert message={error} />
      <section className="shift-panel" aria-labelledby={settingsId}>
        <h2 id={settingsId}>{t('link.settings')}</h2>
        <CentralSettingsForm client={client} onSaved={settingsSaved} onSessionFailure={onSessionFailure} />
      </section>
      <section className="shift-panel" aria-labelledby={testId}>
        <h2 id={testId}>{t('link.test')}</h2>
        <button type="button" className="primary take" disabled={running || client === null} onClick={test}>
          {t('link.run')}
        </button>
        {running ? <p role="status">{t('link.running')}</p> : null}
        {check === undefined || running ? null : check.failedStep === null ? (
          <p role="status">
            <StateWord tone="ok">{t('link.ok')}</StateWord>
          </p>
        ) : (
          <p role="alert" className="message message-bad">
            <span aria-hidden="true">✕ </span>
            {t('link.failedAt', { step: t(`link.step.${check.failedStep}`) })}
          </p>
        )}
        {check === undefined ? null : (
          <table className="officer-table link-steps">
            <thead>
              <tr>
                <th scope="col">{t('link.stepColumn')}</th>
                <th scope="col">{t('link.outcomeColumn')}</th>
                <th scope="col">{t('link.detailColumn')}</th>
                <th scope="col">{t('link.timeColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {check.steps.map((step) => (
                <tr key={step.step} className={`link-step-${step.outcome}`}>
                  <th scope="row">{t(`link.step.${step.step}`)}</th>
                  <td>
                    <StateWord tone={step.outcome === 'ok' ? 'ok' : step.outcome === 'failed' ? 'bad' : 'neutral'}>{t('link.outcome', { outcome: step.outcome })}</StateWord>
                  </td>
                  <td>{step.detail}</td>
                  <td>{step.outcome === 'skipped' ? '' : t('link.ms', { ms: step.ms })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="shift-panel" aria-labelledby={registrationId}>
        <h2 id={registrationId}>{t('link.registration')}</h2>
        <p className="muted">{t('link.registrationExplain')}</p>
        {registration === undefined ? null : (
          <div className="registration">
            <dl className="registration-facts">
              <dt>{t('link.applianceId')}</dt>
              <dd>{registration.applianceId}</dd>
              <dt>{t('link.publicKey')}</dt>
              <dd className="device">{registration.publicKey}</dd>
              <dt>{t('link.fingerprint')}</dt>
              <dd className="device">{registration.fingerprint}</dd>
              <dt>{t('link.command')}</dt>
              <dd className="device">{registration.command}</dd>
            </dl>
            {qr === undefined ? null : <img className="registration-qr" src={qr} alt={t('link.qr', { id: registration.applianceId })} />}
          </div>
        )}
      </section>
    </main>
  );
}

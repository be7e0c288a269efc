import { useCallback, useEffect, useState } from 'react';
import type { OfficerAccount, OfficerSummary, OneTimePinIssued } from '../../main/common/contract/officers.js';
import type { Role } from '../../main/common/contract/roles.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { rpcFailure } from '../shared/rpc-failure.js';
import { StateWord } from '../shared/StateWord.js';
import { AddOfficerForm } from './AddOfficerForm.js';
import { canManage, grantableRoles } from './officer-powers.js';
import { RoleChoices } from './RoleChoices.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';

/** Officer accounts: add, change roles, deactivate (never delete: records name them), reset a PIN. */
export function OfficersScreen({
  client,
  officer,
  onSessionFailure,
}: {
  readonly client: RpcClient | null;
  readonly officer: OfficerSummary;
  readonly onSessionFailure: (error: unknown) => void;
}) {
  const t = useT();
  const { format } = useLanguage();
  const [accounts, setAccounts] = useState<readonly OfficerAccount[]>();
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<OneTimePinIssued>();
  const [editing, setEditing] = useState<{ readonly id: string; readonly roles: readonly Role[] }>();
  const [error, setError] = useState<string>();

  const fail = useCallback(
    (failure: unknown) => {
      onSessionFailure(failure);
      setError(t('officers.failed', { message: rpcFailure(failure).message }));
    },
    [onSessionFailure, t],
  );
  const reload = useCallback(() => {
    if (client === null) return;
    client.call('officers.list', {}).then(setAccounts, fail);
  }, [client, fail]);
  useEffect(reload, [reload]);

  const act = (call: Promise<unknown>): void => {
    setError(undefined);
    call.then(reload, fail);
  };
  const grantable = grantableRoles(officer);

  return (
    <main className="officers">
      <div className="screen-head">
        <h1>{t('officers.title')}</h1>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setIssued(undefined);
            setAdding(true);
          }}
          disabled={adding}
        >
          {t('officers.add')}
        </button>
      </div>
      {issued === undefined ? null : (
        <section className="card one-time-pin" aria-labelledby="one-time-pin-for">
          <p id="one-time-pin-for">{t('officers.oneTimePinFor', { id: issued.officer.id })}</p>
          <p className="pin-line">
            <span id="one-time-pin-label">{t('officers.oneTimePin')}</span>
            <output aria-labelledby="one-time-pin-label" className="pin">
              {issued.oneTimePin}
            </output>
          </p>
          <button
            type="button"
            onClick={() => {
              setIssued(undefined);
            }}
          >
            {t('officers.done')}
          </button>
        </section>
      )}
      {adding ? (
        <AddOfficerForm
          client={client}
          grantable={grantable}
          onCreated={(created) => {
            setAdding(false);
            setIssued(created);
            reload();
          }}
          onCancel={() => {
            setAdding(false);
          }}
          onSessionFailure={onSessionFailure}
        />
      ) : null}
      <ErrorAlert message={error} />
      {accounts === undefined ? null : accounts.length === 0 ? (
        <p>{t('officers.empty')}</p>
      ) : (
        <table className="officer-table">
          <thead>
            <tr>
              <th scope="col">{t('officers.id')}</th>
              <th scope="col">{t('officers.name')}</th>
              <th scope="col">{t('officers.roles')}</th>
              <th scope="col">{t('officers.state')}</th>
              <th scope="col">{t('officers.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => {
              const manageable = canManage(officer, account) && account.id !== officer.id;
              return (
                <tr key={account.id} data-testid={`officer-${account.id}`}>
                  <td>{account.id}</td>
                  <td>{account.displayName}</td>
                  <td>
                    {editing?.id === account.id ? (
                      <div className="edit-roles">
                        <RoleChoices
                          legend={t('officers.editRoles', { id: account.id })}
                          roles={editing.roles}
                          grantable={grantable}
                          onChange={(roles) => {
                            setEditing({ id: account.id, roles });
                          }}
                        />
                        <button
                          type="button"
                          onClick={() => {
                            const [first, ...rest] = editing.roles;
                            if (first === undefined) {
                              setError(t('officers.rolesNeeded'));
                              return;
                            }
                            setEditing(undefined);
                            act(client?.call('officers.update', { id: account.id, roles: [first, ...rest] }) ?? Promise.resolve());
                          }}
                        >
                          {t('officers.save')}
                        </button>
                      </div>
                    ) : (
                      account.roles.map((role) => t(`role.${role}`)).join(', ')
                    )}
                  </td>
                  <td>
                    <StateWord tone={account.active ? 'ok' : 'neutral'}>{account.active ? t('officers.active') : t('officers.inactive')}</StateWord>
                    {account.lockedUntil === null ? null : <StateWord tone="bad">{t('officers.lockedUntil', { until: format.dateTime(new Date(account.lockedUntil)) })}</StateWord>}
                    {account.mustChangePin ? <StateWord tone="notice">{t('officers.mustChangePin')}</StateWord> : null}
                  </td>
                  <td className="row-actions">
                    {manageable ? (
                      <>
                        <button
                          type="button"
                          aria-label={t('officers.editRoles', { id: account.id })}
                          onClick={() => {
                            setEditing({ id: account.id, roles: account.roles });
                          }}
                        >
                          {t('officers.rolesButton')}
                        </button>
                        <button
                          type="button"
                          aria-label={t('officers.resetPin', { id: account.id })}
                          onClick={() => {
                            if (client === null) return;
                            setError(undefined);
                            client.call('officers.resetPin', { id: account.id }).then((result) => {
                              setIssued(result);
                              reload();
                            }, fail);
                          }}
                        >
                          {t('officers.resetPinButton')}
                        </button>
                        <button
                          type="button"
                          aria-label={account.active ? t('officers.deactivate', { id: account.id }) : t('officers.reactivate', { id: account.id })}
                          onClick={() => {
                            act(client?.call('officers.setActive', { id: account.id, active: !account.active }) ?? Promise.resolve());
                          }}
                        >
                          {account.active ? t('officers.deactivateButton') : t('officers.reactivateButton')}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </main>
  );
}

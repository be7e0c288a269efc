import { useState, type SyntheticEvent } from 'react';
import type { OneTimePinIssued } from '../../main/common/contract/officers.js';
import type { Role } from '../../main/common/contract/roles.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useT } from '../i18n/I18n.js';
import { rpcFailure } from '../shared/rpc-failure.js';
import { TextField } from '../shared/TextField.js';
import { RoleChoices } from './RoleChoices.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';

/** A new officer: ID, name and roles; the core answers with the one-time PIN. */
export function AddOfficerForm({
  client,
  grantable,
  onCreated,
  onCancel,
  onSessionFailure,
}: {
  readonly client: RpcClient | null;
  readonly grantable: readonly Role[];
  readonly onCreated: (issued: OneTimePinIssued) => void;
  readonly onCancel: () => void;
  readonly onSessionFailure: (error: unknown) => void;
}) {
  const t = useT();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<readonly Role[]>(['guard']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (client === null) return;
    if (roles.length === 0) {
      setError(t('officers.rolesNeeded'));
      return;
    }
    const [first, ...rest] = roles;
    if (first === undefined) return;
    setBusy(true);
    setError(undefined);
    client.call('officers.create', { id: id.trim().toLowerCase(), displayName: name.trim(), roles: [first, ...rest] }).then(onCreated, (failure: unknown) => {
      onSessionFailure(failure);
      setBusy(false);
      setError(t('officers.failed', { message: rpcFailure(failure).message }));
    });
  };

  return (
    <form className="card add-officer" onSubmit={submit} aria-labelledby="add-officer-title">
      <h2 id="add-officer-title">{t('officers.add')}</h2>
      <TextField label={t('officers.id')} value={id} onChange={setId} autoCapitalize="none" spellCheck={false} autoComplete="off" autoFocus />
      <TextField label={t('officers.name')} value={name} onChange={setName} autoComplete="off" />
      <RoleChoices legend={t('officers.roles')} roles={roles} grantable={grantable} onChange={setRoles} />
      {grantable.length < 3 ? <p className="muted">{t('officers.supervisorLimit')}</p> : null}
      <ErrorAlert message={error} />
      <div className="button-row">
        <button type="submit" className="primary big" disabled={busy || id.trim() === '' || name.trim() === ''}>
          {t('officers.create')}
        </button>
        <button type="button" className="big" onClick={onCancel}>
          {t('officers.cancel')}
        </button>
      </div>
    </form>
  );
}

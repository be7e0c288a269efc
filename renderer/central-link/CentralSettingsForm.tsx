import { useEffect, useState, type SyntheticEvent } from 'react';
import type { CentralSettingsSaved } from '../../main/common/contract/central-settings.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import type { MessageId } from '../i18n/catalogues/en.js';
import { useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { RefusalAlert } from '../shared/RefusalAlert.js';
import { refusedFields, type FieldIssue } from '../shared/rpc-failure.js';
import { fieldIssueText } from '../shared/field-issue-text.js';
import { TextField } from '../shared/TextField.js';
import { useFailure } from '../shared/use-failure.js';
import {
  DEADLINE_MAX,
  DEADLINE_MIN,
  SETTINGS_FIELDS,
  fieldOfOption,
  fieldsFromSettings,
  maxLengthOf,
  settingsFromFields,
  type CentralSettingsFields,
  type SettingsField,
} from './central-settings-fields.js';

const FIELD_LABELS: Readonly<Record<SettingsField, MessageId>> = {
  url: 'link.field.url',
  publicKey: 'link.field.publicKey',
  caFile: 'link.field.caFile',
  clientCertFile: 'link.field.clientCertFile',
  clientKeyFile: 'link.field.clientKeyFile',
  deliveryDeadlineMinutes: 'link.field.deliveryDeadlineMinutes',
};

const FIELD_HINTS: Readonly<Record<SettingsField, MessageId | undefined>> = {
  url: undefined,
  publicKey: 'link.field.publicKeyHint',
  caFile: 'link.field.caFileHint',
  clientCertFile: 'link.field.clientHint',
  clientKeyFile: 'link.field.clientHint',
  deliveryDeadlineMinutes: 'link.field.deliveryDeadlineMinutesHint',
};

interface PlacedIssue {
  /** Undefined for an option this release has no field for: it is listed in the summary under the core's name. */
  readonly field: SettingsField | undefined;
  readonly option: string;
  /** The core's problem; absent for the form's own check of the deadline. */
  readonly issue?: FieldIssue;
}

function placed(issue: FieldIssue): PlacedIssue {
  return { field: fieldOfOption(issue.option), option: issue.option, issue };
}

/**
 * Central's settings as the config file holds them, editable. The core checks every field on Save
 * and names each problem by field; a refused save leaves the link on the settings in force.
 */
export function CentralSettingsForm({
  client,
  onSaved,
  onSessionFailure,
}: {
  readonly client: RpcClient | null;
  readonly onSaved: (saved: CentralSettingsSaved) => void;
  readonly onSessionFailure: (error: unknown) => void;
}) {
  const t = useT();
  const { error, fail, clear } = useFailure(onSessionFailure);
  const [fields, setFields] = useState<CentralSettingsFields>();
  const [issues, setIssues] = useState<readonly PlacedIssue[]>([]);
  /** Whether the relay restarted with the settings just saved; undefined until a save, and again once a field changes. */
  const [saved, setSaved] = useState<boolean>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (client === null) return;
    client.call('central.settings', {}).then((settings) => {
      // Also run when the language changes (fail is the language's): what the technician typed stays.
      setFields((current) => current ?? fieldsFromSettings(settings));
    }, fail);
  }, [client, fail]);

  const change = (key: SettingsField) => (value: string) => {
    setFields((current) => (current === undefined ? current : { ...current, [key]: value }));
    setSaved(undefined);
  };
  // Said when shown, so that a change of language says it again in the new one.
  const issueText = (placedIssue: PlacedIssue): string =>
    placedIssue.issue === undefined ? t('link.deadlineRule', { min: DEADLINE_MIN, max: DEADLINE_MAX }) : fieldIssueText(t, placedIssue.issue);
  const errorOf = (field: SettingsField): string | undefined => {
    const texts = issues.filter((issue) => issue.field === field).map(issueText);
    return texts.length === 0 ? undefined : texts.join('; ');
  };

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (client === null || fields === undefined) return;
    clear();
    setSaved(undefined);
    const settings = settingsFromFields(fields);
    // The core can refuse such a deadline only as a malformed request, in words for developers: say it here, beside the field.
    if (settings === undefined) {
      setIssues([{ field: 'deliveryDeadlineMinutes', option: 'deliveryDeadlineMinutes' }]);
      return;
    }
    setIssues([]);
    setBusy(true);
    client.call('central.saveSettings', settings).then(
      (result) => {
        setBusy(false);
        // What the config file now holds, which is what the core made of the text sent.
        setFields(fieldsFromSettings(result.settings));
        setSaved(result.relayRestarted);
        onSaved(result);
      },
      (failure: unknown) => {
        setBusy(false);
        const refused = refusedFields(failure);
        if (refused === undefined) fail(failure);
        else setIssues(refused.map(placed));
      },
    );
  };

  return (
    <form className="central-settings" onSubmit={submit} noValidate>
      <RefusalAlert
        summary={issues.some((issue) => issue.issue !== undefined) ? t('link.refused') : t('form.fixFirst')}
        items={issues.map((issue) => ({ field: issue.field === undefined ? issue.option : t(FIELD_LABELS[issue.field]), message: issueText(issue) }))}
      />
      <ErrorAlert message={error} />
      {saved === undefined ? null : <p role="status">{t('link.saved', { restarted: saved ? 'yes' : 'no' })}</p>}
      {fields === undefined ? null : (
        <div className="central-settings-grid">
          {SETTINGS_FIELDS.map((field) => {
            const hint = FIELD_HINTS[field];
            return (
              <TextField
                key={field}
                label={t(FIELD_LABELS[field])}
                value={fields[field]}
                onChange={change(field)}
                error={errorOf(field)}
                hint={hint === undefined ? undefined : t(hint)}
                maxLength={maxLengthOf(field)}
                inputMode={field === 'deliveryDeadlineMinutes' ? 'numeric' : field === 'url' ? 'url' : 'text'}
                autoCapitalize="none"
                autoComplete="off"
                spellCheck={false}
              />
            );
          })}
        </div>
      )}
      <p className="muted">{t('link.settingsHint')}</p>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || client === null || fields === undefined}>
          {t('link.save')}
        </button>
      </div>
    </form>
  );
}

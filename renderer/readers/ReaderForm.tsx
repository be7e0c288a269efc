import { useId, useState, type SyntheticEvent } from 'react';
import { ReaderId, type ReaderSpecIssueView } from '../../main/common/contract/reader-console.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import type { MessageId } from '../i18n/catalogues/en.js';
import { useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { RefusalAlert } from '../shared/RefusalAlert.js';
import { refusedFields, rpcFailure } from '../shared/rpc-failure.js';
import { fieldIssueText } from '../shared/field-issue-text.js';
import { SelectField, type SelectChoice } from '../shared/SelectField.js';
import { TextField } from '../shared/TextField.js';
import {
  FRAMINGS,
  HID_DECODERS,
  TRANSPORTS,
  fieldOfOption,
  fieldsFor,
  fieldsFromSpec,
  isFieldsOwnOption,
  showsField,
  specFromFields,
  type FormField,
  type ReaderSpecFields,
} from './reader-spec-fields.js';

const FIELD_LABELS: Readonly<Record<FormField, MessageId>> = {
  id: 'readers.id',
  transport: 'readers.transport',
  port: 'readers.port',
  baud: 'readers.baud',
  framing: 'readers.framing',
  decoder: 'readers.decoder',
  other: 'readers.other',
};

interface PlacedIssue {
  readonly field: FormField;
  /** The core's problem; absent for the form's own check of the id. */
  readonly issue?: ReaderSpecIssueView;
  /** The spec's option is named too when its field holds several (Other options). */
  readonly named?: boolean;
}

/** The core's problems with a spec, each beside its field; the option named when the field holds several. */
function placed(issues: readonly ReaderSpecIssueView[], fields: ReaderSpecFields): PlacedIssue[] {
  return issues.map((issue) => {
    const field = fieldOfOption(issue.option, fields);
    return { field, issue, named: !isFieldsOwnOption(issue.option, field) };
  });
}

/** The choices of a select, with the current value kept when this release does not know it (a spec written by hand, or by a newer core). */
function withCurrent(choices: readonly SelectChoice[], value: string, empty: string): SelectChoice[] {
  if (choices.some((choice) => choice.value === value)) return [...choices];
  return [{ value, label: value === '' ? empty : value }, ...choices];
}

/**
 * A reader's spec, field by field, composed into the one-line spec the config file holds. The core
 * checks it on Save and names each problem by option; a refused spec leaves the running reader as it was.
 */
export function ReaderForm({
  client,
  editing,
  onSaved,
  onCancel,
  onSessionFailure,
}: {
  readonly client: RpcClient | null;
  /** The reader being edited; absent when adding one. */
  readonly editing: { readonly id: string; readonly spec: string } | undefined;
  readonly onSaved: (id: string) => void;
  readonly onCancel: () => void;
  readonly onSessionFailure: (error: unknown) => void;
}) {
  const t = useT();
  const titleId = useId();
  const [id, setId] = useState(editing?.id ?? '');
  const [fields, setFields] = useState<ReaderSpecFields>(() => (editing === undefined ? fieldsFor('serial') : fieldsFromSpec(editing.spec)));
  const [issues, setIssues] = useState<readonly PlacedIssue[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const spec = specFromFields(fields);

  const change = (key: keyof ReaderSpecFields) => (value: string) => {
    setFields((current) => ({ ...current, [key]: value }));
  };
  // Said when shown, so that a change of language says it again in the new one.
  const issueText = (placedIssue: PlacedIssue): string => {
    const { issue } = placedIssue;
    if (issue === undefined) return t('readers.idRule');
    const text = fieldIssueText(t, issue);
    return placedIssue.named === true ? t('form.issue', { field: issue.option, message: text }) : text;
  };
  const errorOf = (field: FormField): string | undefined => {
    const texts = issues.filter((issue) => issue.field === field).map(issueText);
    return texts.length === 0 ? undefined : texts.join('; ');
  };

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (client === null) return;
    setError(undefined);
    const readerId = id.trim();
    // The core refuses such an id before it reads the spec, with a message for developers; say it here, in the officer's language.
    if (!ReaderId.safeParse(readerId).success) {
      setIssues([{ field: 'id' }]);
      return;
    }
    setIssues([]);
    setBusy(true);
    const replaces = editing?.id;
    client.call('readers.save', { id: readerId, spec, ...(replaces === undefined ? {} : { replaces }) }).then(
      () => {
        onSaved(readerId);
      },
      (failure: unknown) => {
        onSessionFailure(failure);
        setBusy(false);
        const refused = refusedFields(failure);
        if (refused === undefined) setError(t('action.failed', { message: rpcFailure(failure).message }));
        else setIssues(placed(refused, fields));
      },
    );
  };

  const transportChoices = withCurrent(
    TRANSPORTS.map((value) => ({ value, label: t(`readers.transport.${value}`) })),
    fields.transport,
    t('readers.transport.choose'),
  );
  const framingChoices = withCurrent(
    FRAMINGS.map((value) => ({ value, label: t(`readers.framing.${value}`) })),
    fields.framing,
    t('readers.framing.lines'),
  );
  const decoderChoices = withCurrent(
    HID_DECODERS.map((value) => ({ value, label: t(`readers.decoder.${value}`) })),
    fields.decoder,
    t('readers.decoder.choose'),
  );

  return (
    <form className="card reader-form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>{editing === undefined ? t('readers.add') : t('readers.editTitle', { id: editing.id })}</h2>
      <RefusalAlert
        summary={issues.some((issue) => issue.issue !== undefined) ? t('readers.refused', { count: issues.length }) : t('form.fixFirst')}
        items={issues.map((issue) => ({ field: t(FIELD_LABELS[issue.field]), message: issueText(issue) }))}
      />
      <ErrorAlert message={error} />
      <div className="reader-form-grid">
        <TextField label={t('readers.id')} value={id} onChange={setId} error={errorOf('id')} hint={t('readers.idHint')} maxLength={32} autoCapitalize="none" autoComplete="off" spellCheck={false} autoFocus />
        <SelectField
          label={t('readers.transport')}
          value={fields.transport}
          choices={transportChoices}
          error={errorOf('transport')}
          onChange={(transport) => {
            // Each transport's port means something else (a path, vendor:product, a file): start it afresh, keeping Other options.
            setFields((current) => fieldsFor(transport, current.other));
          }}
        />
        {showsField(fields, 'port') ? (
          <TextField
            label={t('readers.port')}
            value={fields.port}
            onChange={change('port')}
            error={errorOf('port')}
            hint={t('readers.portHint', { transport: fields.transport })}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
          />
        ) : null}
        {showsField(fields, 'baud') ? <TextField label={t('readers.baud')} value={fields.baud} onChange={change('baud')} error={errorOf('baud')} hint={t('readers.baudHint')} inputMode="numeric" autoComplete="off" /> : null}
        {showsField(fields, 'framing') ? <SelectField label={t('readers.framing')} value={fields.framing} choices={framingChoices} onChange={change('framing')} error={errorOf('framing')} hint={t('readers.framingHint')} /> : null}
        {showsField(fields, 'decoder') ? <SelectField label={t('readers.decoder')} value={fields.decoder} choices={decoderChoices} onChange={change('decoder')} error={errorOf('decoder')} /> : null}
        <TextField
          label={t('readers.other')}
          value={fields.other}
          onChange={change('other')}
          error={errorOf('other')}
          hint={t('readers.otherHint', { transport: fields.transport })}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <p className="spec-preview">
        <span className="status-label">{t('readers.specPreview')}</span> <code className="device spec-text">{spec}</code>
      </p>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || client === null}>
          {t('readers.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('readers.cancel')}
        </button>
      </div>
    </form>
  );
}

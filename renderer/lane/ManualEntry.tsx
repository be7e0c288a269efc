import { useId, useMemo, useState, type SyntheticEvent } from 'react';
import type { Assessment } from '../../main/common/contract/crossing.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import type { MessageId } from '../i18n/catalogues/en.js';
import { useT, type Translate } from '../i18n/I18n.js';
import { rpcFailure } from '../shared/rpc-failure.js';
import { TextField } from '../shared/TextField.js';
import { EMPTY_MANUAL_FORM, MANUAL_FORMATS, checkManualForm, type FieldProblem, type ManualField, type ManualForm } from './manual-fields.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';

const PROBLEM_TEXT: Readonly<Record<Exclude<FieldProblem['kind'], 'engine'>, MessageId>> = {
  required: 'manual.error.required',
  letters: 'manual.error.letters',
  alnum: 'manual.error.alnum',
  country: 'manual.error.country',
  date: 'manual.error.date',
  documentType: 'manual.error.documentType',
};

function describe(problem: FieldProblem | undefined, t: Translate): string | undefined {
  if (problem === undefined) return undefined;
  return problem.kind === 'engine' ? t('manual.error.engine', { message: problem.message }) : t(PROBLEM_TEXT[problem.kind]);
}

const TEXT_FIELDS: readonly { readonly field: Exclude<ManualField, 'sex'>; readonly label: MessageId; readonly date?: true }[] = [
  { field: 'documentCode', label: 'manual.documentType' },
  { field: 'issuingState', label: 'manual.issuingState' },
  { field: 'documentNumber', label: 'manual.documentNumber' },
  { field: 'surname', label: 'manual.surname' },
  { field: 'givenNames', label: 'manual.givenNames' },
  { field: 'nationality', label: 'manual.nationality' },
  { field: 'birthDate', label: 'manual.birthDate', date: true },
  { field: 'expiryDate', label: 'manual.expiryDate', date: true },
];

/** A document that cannot be read, typed field by field and checked live by the MRZ engine. */
export function ManualEntry({
  client,
  onChecked,
  onCancel,
  onSessionFailure,
}: {
  readonly client: RpcClient | null;
  readonly onChecked: (assessment: Assessment) => void;
  readonly onCancel: () => void;
  readonly onSessionFailure: (error: unknown) => void;
}) {
  const t = useT();
  const formatId = useId();
  const sexId = useId();
  const [form, setForm] = useState<ManualForm>(EMPTY_MANUAL_FORM);
  const [touched, setTouched] = useState<ReadonlySet<ManualField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const check = useMemo(() => checkManualForm(form), [form]);

  const set = (field: ManualField, value: string): void => {
    setForm((previous) => ({ ...previous, [field]: field === 'birthDate' || field === 'expiryDate' ? value : value.toUpperCase() }));
    setTouched((previous) => new Set(previous).add(field));
  };
  const shown = (field: ManualField): string | undefined => (submitted || touched.has(field) ? describe(check.problems[field], t) : undefined);

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    setSubmitted(true);
    if (check.fields === undefined) {
      setError(t('manual.invalid'));
      return;
    }
    if (client === null) return;
    setBusy(true);
    setError(undefined);
    client.call('capture.manualEntry', { format: form.format, fields: check.fields }).then(onChecked, (failure: unknown) => {
      onSessionFailure(failure);
      setBusy(false);
      setError(t('manual.failed', { message: rpcFailure(failure).message }));
    });
  };

  return (
    <form className="card manual-entry" onSubmit={submit} aria-labelledby="manual-title" noValidate>
      <h2 id="manual-title">{t('manual.title')}</h2>
      <p className="muted">{t('manual.explain')}</p>
      <div className="manual-grid">
        <div className="field-row">
          <label htmlFor={formatId}>{t('manual.format')}</label>
          <select
            id={formatId}
            value={form.format}
            onChange={(event) => {
              const format = MANUAL_FORMATS.find((option) => option === event.target.value) ?? 'TD3';
              setForm((previous) => ({ ...previous, format, documentCode: format === 'TD3' ? 'P' : 'ID' }));
            }}
          >
            {MANUAL_FORMATS.map((option) => (
              <option key={option} value={option}>
                {t(`manual.format.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {TEXT_FIELDS.map(({ field, label, date }) => (
          <TextField
            key={field}
            label={t(label)}
            value={form[field]}
            onChange={(value) => {
              set(field, value);
            }}
            error={shown(field)}
            placeholder={date === true ? t('manual.datePlaceholder') : undefined}
            inputMode={date === true ? 'numeric' : 'text'}
            autoCapitalize="characters"
            spellCheck={false}
            autoComplete="off"
            autoFocus={field === 'documentCode'}
          />
        ))}
        <div className="field-row">
          <label htmlFor={sexId}>{t('manual.sex')}</label>
          <select
            id={sexId}
            value={form.sex}
            onChange={(event) => {
              set('sex', event.target.value);
            }}
          >
            {(['F', 'M', 'X'] as const).map((option) => (
              <option key={option} value={option}>
                {t(`manual.sex.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section aria-label={t('manual.preview')} className="zone">
        <h3>{t('manual.preview')}</h3>
        {check.zone === undefined ? <p className="muted">{t('manual.previewEmpty')}</p> : <pre className="zone-lines">{check.zone.join('\n')}</pre>}
      </section>
      <ErrorAlert message={error} />
      <div className="button-row">
        <button type="submit" className="primary big" disabled={busy}>
          {t('manual.check')}
        </button>
        <button type="button" className="big" onClick={onCancel}>
          {t('manual.cancel')}
        </button>
      </div>
    </form>
  );
}

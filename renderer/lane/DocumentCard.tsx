import { useEffect, type ReactNode } from 'react';
import type { Direction } from '../../main/common/contract/config.js';
import type { Assessment } from '../../main/common/contract/crossing.js';
import type { MrzFieldName } from '../../main/common/icao/index.js';
import type { MessageId } from '../i18n/catalogues/en.js';
import { countryName } from '../i18n/country-names.js';
import { calendarDay } from '../i18n/format.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { StateWord } from '../shared/StateWord.js';
import { ageOn, daysSince, expiryState, holderName, localTodayIso } from './card-facts.js';
import { ChecksList } from './ChecksList.js';
import { ListedDocuments } from '../shared/ListedDocuments.js';
import { MrzVerdict } from '../shared/MrzVerdict.js';
import { zoneWithCorrections } from './mrz-diff.js';

/** Performance mark set once a card is on screen: the scan-to-card benchmark reads it. */
export const CARD_PAINTED_MARK = 'sahman:card-painted';

const FIELD_LABELS: Partial<Record<MrzFieldName, MessageId>> = {
  surname: 'card.field.surname',
  givenNames: 'card.field.givenNames',
  documentNumber: 'card.field.documentNumber',
  issuingState: 'card.field.issuingState',
  nationality: 'card.field.nationality',
  birthDate: 'card.field.birthDate',
  sex: 'card.field.sex',
  expiryDate: 'card.field.expiryDate',
};

function Fact({ label, children, testId }: { readonly label: string; readonly children: ReactNode; readonly testId?: string }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One document, readable at arm's length: who, which document, whether it is intact and in date, and every check. */
export function DocumentCard({
  assessment,
  direction,
  now,
  children,
}: {
  readonly assessment: Assessment;
  readonly direction: Direction;
  readonly now: Date;
  /** The alert-list hits' panels, beside the document. */
  readonly children?: ReactNode;
}) {
  const t = useT();
  const { language, format } = useLanguage();
  const { document } = assessment;
  const { fields } = document;
  const today = localTodayIso(now);
  const age = fields.birthDateIso === null ? undefined : ageOn(fields.birthDateIso, today);
  const expiry = expiryState(fields.expiryDateIso, today);
  const lastEntry = assessment.lastEntryAt === null ? undefined : new Date(assessment.lastEntryAt);
  const stay = lastEntry === undefined ? undefined : daysSince(lastEntry, now);

  useEffect(() => {
    // After the frame that shows the card has been painted.
    const frame = requestAnimationFrame(() => {
      setTimeout(() => {
        performance.clearMarks(CARD_PAINTED_MARK);
        performance.mark(CARD_PAINTED_MARK, { detail: { assessmentId: assessment.id } });
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [assessment.id]);

  const day = (iso: string | null): string => {
    const date = iso === null ? undefined : calendarDay(iso);
    return date === undefined ? t('card.unknownDate') : format.day(date);
  };
  const zone = zoneWithCorrections(document);

  return (
    <div className="card document-card" data-assessment-id={assessment.id} data-testid="document-card">
      <header className="card-head">
        <h2 className="holder">{holderName(assessment)}</h2>
        <p className="document-kind">
          {t('card.documentType', { code: fields.documentCode })} · {fields.documentNumber}
        </p>
        <p className="muted">{document.source.method === 'manual' ? t('card.source.manual') : t('card.source.reader', { reader: document.source.readerId })}</p>
      </header>
      <ListedDocuments hits={assessment.documentHits} />
      {children}
      <div className="card-verdicts">
        <MrzVerdict mrz={document} testId="mrz-verdict" />
        <StateWord tone={expiry === 'expired' ? 'bad' : expiry === 'expires-soon' ? 'notice' : expiry === 'valid' ? 'ok' : 'neutral'} testId="expiry-verdict">
          {expiry === 'expired' ? t('card.expired') : expiry === 'expires-soon' ? t('card.expiresSoon') : expiry === 'valid' ? t('card.valid') : t('card.unknownDate')}
        </StateWord>
        {age === undefined ? null : (
          <StateWord tone={age < 18 ? 'bad' : 'ok'} testId="age-verdict">
            {t('card.age', { age })}
            {age < 18 ? ` · ${t('card.minor')}` : null}
          </StateWord>
        )}
      </div>
      <div className="card-body">
      <dl className="facts">
        <Fact label={t('card.field.issuingState')} testId="fact-issuing-state">
          {t('card.country', { name: countryName(fields.issuingState, language), code: fields.issuingState })}
        </Fact>
        <Fact label={t('card.field.nationality')} testId="fact-nationality">
          {t('card.country', { name: countryName(fields.nationality, language), code: fields.nationality })}
        </Fact>
        <Fact label={t('card.field.birthDate')} testId="fact-birth-date">
          {day(fields.birthDateIso)}
        </Fact>
        <Fact label={t('card.field.sex')}>{t('card.sex', { sex: fields.sex === '' ? 'none' : fields.sex })}</Fact>
        <Fact label={t('card.field.expiryDate')} testId="fact-expiry-date">
          {day(fields.expiryDateIso)}
        </Fact>
        {direction === 'exit' ? (
          <Fact label={t('direction.exit')} testId="fact-length-of-stay">
            {lastEntry === undefined || stay === undefined ? t('card.noEntry') : t('card.lengthOfStay', { days: stay, date: format.day(lastEntry) })}
          </Fact>
        ) : null}
      </dl>
      <section className="zone" aria-labelledby="zone-title">
        <h3 id="zone-title">{t('card.mrz')}</h3>
        <pre className="zone-lines">
          {zone.map((line, row) => (
            <div key={row}>
              {line.map((character, column) =>
                character.corrected === undefined ? (
                  character.read
                ) : (
                  <mark key={column} className="corrected" title={`${character.read} → ${character.corrected}`}>
                    <s>{character.read}</s>
                    {character.corrected}
                  </mark>
                ),
              )}
            </div>
          ))}
        </pre>
        {document.corrections.length === 0 ? null : (
          <ul className="corrections">
            {document.corrections.map((correction, index) => (
              <li key={index}>
                {t('card.correction', {
                  field: t(FIELD_LABELS[correction.field] ?? 'card.mrz'),
                  from: correction.from,
                  to: correction.to,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      </div>
      <ChecksList checks={assessment.checks} />
    </div>
  );
}

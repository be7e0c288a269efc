import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { safeParseReaderSpec } from '../../../drivers/spec/reader-spec.js';
import { fieldIssueText } from '../../../renderer/shared/field-issue-text.js';
import { CATALOGUES } from '../../../renderer/i18n/catalogues/index.js';
import type { Translate } from '../../../renderer/i18n/translate.js';
import type { Language } from '../../../renderer/i18n/languages.js';

function translate(language: Language): Translate {
  const intl = createIntl({ locale: language, messages: CATALOGUES[language] });
  return (id, values) => intl.formatMessage({ id }, values);
}

/** Specs a technician gets wrong, one problem of each kind the drivers name. */
const BROKEN_SPECS = [
  'serial:/dev/ttyUSB0?baud=fast',
  'serial:/dev/ttyUSB0?baud=10',
  'serial:/dev/ttyUSB0?baud=9000000',
  'serial:/dev/ttyUSB0?framing=morse',
  'serial:/dev/ttyUSB0?parity=maybe',
  'serial:/dev/ttyUSB0?sod=zz&framing=desko',
  'serial:/dev/ttyUSB0?sod=1c',
  'serial:/dev/ttyUSB0?speed=9600',
  'serial:/dev/ttyUSB0?baud=9600&baud=9600',
  'serial:/dev/ttyUSB0?baud=%zz',
  'serial:',
  'hid:0db5?decoder=accessis',
  'hid:0db5:0160?decoder=magic',
  'hid:0db5:0160?decoder=accessis&usagePage=big',
  'sim:somewhere',
  'sim:?interval=0.0001',
  'sim:?invalid=0.7&corrected=0.6',
  'sim:?invalid=x',
  'sim:?formats=TD9',
  'replay:',
  'replay:/tmp/capture.jsonl?pace=slow',
  'usb:/dev/ttyUSB0',
  'no-scheme-at-all',
];

describe("a reader spec's problems on the technician's screen", () => {
  it('are said in Armenian and Russian for every problem the drivers name, never in the core’s English', () => {
    const issues = BROKEN_SPECS.flatMap((spec) => {
      const parsed = safeParseReaderSpec(spec);
      if (parsed.ok) throw new Error(`${spec} was accepted`);
      return parsed.error.issues;
    });
    for (const issue of issues) {
      expect(issue.code, `${issue.option}: ${issue.message}`).toBeDefined();
      const english = fieldIssueText(translate('en'), issue);
      for (const language of ['hy', 'ru'] as const) {
        const said = fieldIssueText(translate(language), issue);
        expect(said, `${language} for ${issue.code ?? ''}`).not.toBe(english);
        expect(said).not.toBe(issue.message);
      }
    }
    expect(new Set(issues.map((issue) => issue.code)).size).toBeGreaterThanOrEqual(15);
  });

  it("falls back to the core's English for a code this release does not know", () => {
    expect(fieldIssueText(translate('ru'), { message: 'is something new', code: 'from-a-newer-core' })).toBe('is something new');
    expect(fieldIssueText(translate('ru'), { message: 'must be at least 50', code: 'at-least', values: { min: 50 } })).toBe('должно быть не меньше 50');
  });
});

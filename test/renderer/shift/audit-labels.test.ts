import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { AuditProblem } from '../../../main/common/contract/audit.js';
import { problemText } from '../../../renderer/shift/audit-labels.js';
import { CATALOGUES } from '../../../renderer/i18n/catalogues/index.js';
import type { Translate } from '../../../renderer/i18n/translate.js';
import type { Language } from '../../../renderer/i18n/languages.js';

function translate(language: Language): Translate {
  const intl = createIntl({ locale: language, messages: CATALOGUES[language] });
  return (id, values) => intl.formatMessage({ id }, values);
}

describe("the audit alarm's problem", () => {
  it('is said in the officer’s language for every problem the verifier names', () => {
    for (const code of AuditProblem.options) {
      const english = problemText(translate('en'), { code, problem: 'ENGLISH' });
      expect(english).not.toBe('ENGLISH');
      for (const language of ['hy', 'ru'] as const) expect(problemText(translate(language), { code, problem: 'ENGLISH' })).not.toBe(english);
    }
  });

  it("shows a newer core's problem in its English", () => {
    expect(problemText(translate('hy'), { code: 'from-a-newer-core', problem: 'something new' })).toBe('something new');
    expect(problemText(translate('hy'), { problem: 'an older core' })).toBe('an older core');
  });
});

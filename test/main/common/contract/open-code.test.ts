import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditAction } from '../../../../main/common/contract/audit.js';
import { DecisionReason } from '../../../../main/common/contract/crossing.js';
import { DocumentCheckCode } from '../../../../main/common/contract/document-checks.js';
import { OpenCode } from '../../../../main/common/contract/open-code.js';
import { MRZ_ERROR_CODES } from '../../../../main/common/icao/index.js';

const kebabToken = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join('-'))
  .filter((token) => /^[a-z]/.test(token) && token.length <= 48);

describe('an open code', () => {
  it('fits every code this release produces in the lists that grow, so that a record never carries one central could refuse', () => {
    const produced = [...DocumentCheckCode.options, ...DecisionReason.options, ...MRZ_ERROR_CODES, ...AuditAction.options];
    expect(produced.filter((code) => !OpenCode.safeParse(code).success)).toEqual([]);
  });

  it('takes any lowercase kebab-case token up to 48 characters, whether or not a release knows it', () => {
    fc.assert(
      fc.property(kebabToken, (token) => {
        expect(OpenCode.safeParse(token).success).toBe(true);
      }),
    );
  });

  it('refuses what is not a code: capitals, underscores, spaces, a leading digit or dash, doubled or trailing dashes, and length past 48', () => {
    for (const text of ['', 'Face-match', 'face_match', 'face match', '9-lives', '-face', 'face--match', 'face-', 'a'.repeat(49), 'face-match\n']) {
      expect(OpenCode.safeParse(text).success, JSON.stringify(text)).toBe(false);
    }
    expect(OpenCode.safeParse('a'.repeat(48)).success).toBe(true);
  });
});

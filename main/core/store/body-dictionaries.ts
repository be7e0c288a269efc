/**
 * Preset dictionaries for the stored bodies (see body-codec.ts). A dictionary,
 * once bodies were written with it, must never change: its codec byte would
 * then decode old bodies wrongly. A new dictionary takes a new codec byte.
 * Their digests are pinned by a test.
 *
 * Deflate refers back into the dictionary, and nearer is cheaper: the most
 * common shapes come last.
 */

/** What a crossing or a void typically holds. */
export const RECORD_DICTIONARY_V1 = Buffer.from(
  [
    '{"v":1,"kind":"void","id":"","seq":,"applianceId":"","voidedId":"","reason":"","officerId":"","recordedAt":"Z"}',
    '"corrections":[{"field":"documentNumber","position":,"from":"O","to":"0"}],"errors":[{"code":"check-digit","field":"expiryDate"}]',
    '"outcome":"notice","reason":"corrected" "outcome":"alert","reason":"expired" "reason":"expiring-soon" "reason":"minor"',
    '"reason":"no-rule" "reason":"no-date" "reason":"alternates" "reason":"rescanned" "reason":"clock-jumped" "reason":"visa-required"',
    '"source":{"method":"reader","readerId":"sim"},"format":"TD1" "format":"TD2" "decision":{"outcome":"refer","reasons":["further-checks"]}',
    '"decision":{"outcome":"refuse","reasons":["document-expired"]} "direction":"exit","lengthOfStayDays":',
    '{"v":1,"kind":"crossing","id":"","seq":,"applianceId":"","crossingPoint":"","lane":1,"direction":"entry","document":',
    '{"source":{"method":"manual"},"lines":["P<UTO<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<","<<<<<<<<<<<<<<<<<<<<<<"],"format":"TD3","valid":true,',
    '"fields":{"documentCode":"P","issuingState":"UTO","documentNumber":"","nationality":"UTO","birthDate":"","birthDateIso":"19-","sex":"F",',
    '"expiryDate":"","expiryDateIso":"20-","surname":"","givenNames":"","optionalData":""},"corrections":[],"errors":[]},',
    '"checks":[{"code":"mrz","outcome":"pass","reason":"intact"},{"code":"expiry","outcome":"pass","reason":"in-date"},',
    '{"code":"minor","outcome":"pass","reason":"adult"},{"code":"visa","outcome":"pass","reason":"visa-free"},',
    '{"code":"direction-sequence","outcome":"pass","reason":"first-crossing"},{"code":"duplicate-scan","outcome":"pass","reason":"first-scan"},',
    '{"code":"clock","outcome":"pass","reason":"steady"},{"code":"alert-list","outcome":"unavailable","reason":"no-lists"}],',
    '"decision":{"outcome":"admit","reasons":["documents-in-order"]},"officerId":"uto-guard-","recordedAt":"2026-T:.Z","monotonicMs":,"notes":""}',
  ].join(''),
  'utf8',
);

/** What an audit event typically holds, in canonical (RFC 8785, sorted keys) form. */
export const AUDIT_DICTIONARY_V1 = Buffer.from(
  [
    '{"action":"login-failed","applianceId":"","at":"Z","chainIndex":,"details":{"reason":"wrong-pin"},"id":"","officerId":"uto-","seq":,"v":1}',
    '{"action":"config-change","applianceId":"","at":"Z","chainIndex":,"details":{"changed":"readers","digest":"","previousDigest":null},"id":"","officerId":null,"seq":,"v":1}',
    '{"action":"export","details":{"format":"jsonl","records":,"since":"","until":""}} {"action":"void","details":{"recordId":"","voidedId":""}}',
    '{"action":"logout","applianceId":"","at":"Z","chainIndex":,"details":{"reason":"idle"},"id":"","officerId":"uto-","seq":,"v":1}',
    '{"action":"login","applianceId":"","at":"Z","chainIndex":,"details":{},"id":"","officerId":"uto-","seq":,"v":1}',
    '{"action":"scan","applianceId":"","at":"2026-T:.Z","chainIndex":,"details":{"assessmentId":"","format":"TD1","mrzValid":false,"source":"sim"},"id":"","officerId":null,"seq":,"v":1}',
    '{"action":"scan","applianceId":"","at":"2026-T:.Z","chainIndex":,"details":{"assessmentId":"","format":"TD3","mrzValid":true,"source":"manual"},"id":"","officerId":"uto-guard-","seq":,"v":1}',
    '{"action":"decision","applianceId":"","at":"2026-T:.Z","chainIndex":,"details":{"assessmentId":"","direction":"exit","outcome":"refer","recordId":""},"id":"","officerId":"uto-guard-","seq":,"v":1}',
    '{"action":"decision","applianceId":"","at":"2026-T:.Z","chainIndex":,"details":{"assessmentId":"","direction":"entry","outcome":"admit","recordId":""},"id":"","officerId":"uto-guard-","seq":,"v":1}',
  ].join(''),
  'utf8',
);

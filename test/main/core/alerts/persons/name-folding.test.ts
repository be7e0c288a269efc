/**
 * A listed name as the MRZ would write it: whatever script and orthography
 * the list's source used, the guard's reader compares it with A-Z.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName } from '../../../../../main/core/alerts/persons/name-folding.js';

describe('folding a listed name to MRZ letters', () => {
  it.each([
    ['the Doc 9303 expansion first, the plain stripping second', 'ÖZDEMİR', ['OEZDEMIR', 'OZDEMIR']],
    ['the Doc 9303 expansion first, the plain stripping second', 'LINDSTRÖM', ['LINDSTROEM', 'LINDSTROM']],
    ['the Doc 9303 expansion first, the plain stripping second', 'Müller', ['MUELLER', 'MULLER']],
    ['the Doc 9303 expansion first, the plain stripping second', 'ÅSTRØM', ['AASTROEM', 'ASTROM']],
    ['one form where both readings agree', 'Straße', ['STRASSE']],
    ['one form where both readings agree', 'José', ['JOSE']],
    ['one form where both readings agree', 'ERIKSSON', ['ERIKSSON']],
    ['no apostrophe', "D'AMICO", ['DAMICO']],
    ['no apostrophe', 'O’Neill', ['ONEILL']],
    ['a space for a hyphen', 'TER-MINASYAN', ['TER MINASYAN']],
    ['single spaces', '  Anna   Maria\t', ['ANNA MARIA']],
    ['Cyrillic by the Doc 9303 table', 'Щербаков', ['SHCHERBAKOV']],
    ['Cyrillic by the Doc 9303 table', 'Роман Анатольевич', ['ROMAN ANATOLEVICH']],
    ['Cyrillic by the Doc 9303 table', 'Ярослава', ['IAROSLAVA']],
    ['Armenian as its passports write it', 'Հովհաննիսյան', ['HOVHANNISYAN']],
    ['Armenian, its two-letter ՈՒ as U', 'Ղուկասյան', ['GHUKASYAN']],
    ['Georgian by the national system', 'ბერიძე', ['BERIDZE']],
    ['Georgian in Mtavruli capitals as in small letters', 'ᲑᲔᲠᲘᲫᲔ', ['BERIDZE']],
    ['Greek capitals', 'ΠΑΠΑΔΑΚΗΣ', ['PAPADAKIS']],
    // Monotonic Greek accents every small-letter word of two syllables or more: the accent must not cut the name in two.
    ['Greek small letters, accents and all', 'Παπαδάκης', ['PAPADAKIS']],
    ['Greek small letters, accents and all', 'Ανδρέας', ['ANDREAS']],
    // A stress mark, as dictionaries and some registries write Russian: а + U+0301 has no precomposed form.
    ['no word break for a mark NFC cannot put onto its letter', 'Ива\u0301нов', ['IVANOV']],
    ['nothing for a name with no letters', '', []],
    ['nothing for a name with no letters', ' - 123 ', []],
  ])('gives %s: %s', (_why, raw, forms) => {
    expect(foldName(raw)).toEqual(forms);
  });

  it('always answers A-Z words with single spaces, and never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })), (raw) => {
        const forms = foldName(raw);
        for (const form of forms) expect(form).toMatch(/^[A-Z]+( [A-Z]+)*$/);
        expect(new Set(forms).size).toBe(forms.length);
        expect(forms.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a name already in MRZ letters as it is', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,12}( [A-Z]{1,12}){0,3}$/), (name) => {
        expect(foldName(name)).toEqual([name]);
      }),
    );
  });
});

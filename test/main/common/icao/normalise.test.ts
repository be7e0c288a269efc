import { describe, expect, it } from 'vitest';
import { normaliseInput } from '../../../../main/common/icao/normalise.js';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('normaliseInput', () => {
  it('passes clean input through untouched and reports nothing', () => {
    expect(normaliseInput(TD3.join('\n'))).toEqual({ lines: TD3, normalised: [] });
  });

  it('treats a final line end as a terminator, not a blank line', () => {
    expect(normaliseInput(`${TD3.join('\n')}\n`)).toEqual({ lines: TD3, normalised: [] });
  });

  it('drops blank lines before, between and after the zone', () => {
    expect(normaliseInput(`\n\n${TD3[0] ?? ''}\n\n${TD3[1] ?? ''}\n\n`)).toEqual({ lines: TD3, normalised: ['blank-lines'] });
  });

  it('reads CR and CRLF line ends', () => {
    expect(normaliseInput(TD3.join('\r\n'))).toEqual({ lines: TD3, normalised: ['line-endings'] });
    expect(normaliseInput(`${TD3.join('\r')}\r`)).toEqual({ lines: TD3, normalised: ['line-endings'] });
  });

  it('trims white space around lines, counting white-space-only lines as blank', () => {
    expect(normaliseInput(`  \t\n   ${TD3[0] ?? ''}  \n\t${TD3[1] ?? ''}\n   \n`)).toEqual({
      lines: TD3,
      normalised: ['blank-lines', 'surrounding-whitespace'],
    });
  });

  it('upper-cases ASCII letters only', () => {
    expect(normaliseInput(TD3.join('\n').toLowerCase())).toEqual({ lines: TD3, normalised: ['lower-case'] });
    // ß would become SS under toUpperCase and shift every position after it.
    expect(normaliseInput('p<utoß'.padEnd(44, '<')).lines).toEqual(['P<UTOß'.padEnd(44, '<')]);
  });

  it('leaves lines that cannot belong to a zone as they are, and reports nothing done to them', () => {
    expect(normaliseInput('hello world')).toEqual({ lines: ['hello world'], normalised: [] });
    expect(normaliseInput(' hello ')).toEqual({ lines: ['hello'], normalised: ['surrounding-whitespace'] });
  });

  it('removes spaces inside a line', () => {
    const spaced = TD3.map((line) => `${line.slice(0, 10)} ${line.slice(10, 20)}  ${line.slice(20)}`);
    expect(normaliseInput(spaced.join('\n'))).toEqual({ lines: TD3, normalised: ['inner-spaces-removed'] });
  });

  it('reads spaces as fillers when only that gives a zone line its length', () => {
    const withSpaces = TD3.map((line) => line.replace(/</g, ' '));
    // Trailing fillers read as spaces are trimmed away, so keep the lines' ends printable.
    const input = withSpaces.map((line, index) => (index === 0 ? `${line.slice(0, 43)}<` : line)).join('\n');
    const result = normaliseInput(input);
    expect(result.lines).toEqual(TD3);
    expect(result.normalised).toContain('spaces-as-fillers');
  });

  it('cuts a zone given as one line into its rows', () => {
    expect(normaliseInput(TD3.join(''))).toEqual({ lines: TD3, normalised: ['lines-split'] });
    const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    expect(normaliseInput(td1.join('')).lines).toEqual(td1);
    expect(normaliseInput(`  ${td1.join('').toLowerCase()}\r\n`).normalised).toEqual([
      'line-endings',
      'surrounding-whitespace',
      'lower-case',
      'lines-split',
    ]);
  });

  it('gives no lines for empty or white-space-only text', () => {
    expect(normaliseInput('').lines).toEqual([]);
    expect(normaliseInput(' \n\t\r\n').lines).toEqual([]);
  });

  it('keeps characters it cannot normalise, for the parser to report', () => {
    expect(normaliseInput('P<UTO#').lines).toEqual(['P<UTO#']);
  });
});

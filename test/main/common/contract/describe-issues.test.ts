import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { describeIssues, firstIssuePath } from '../../../../main/common/contract/describe-issues.js';

const Config = z.object({ lane: z.number().int().positive(), readers: z.array(z.object({ id: z.string() })) }).strict();

function failure(value: unknown): z.ZodError {
  const parsed = Config.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  return parsed.error;
}

describe('describing a validation failure', () => {
  it('names each field first, on one line', () => {
    const text = describeIssues(failure({ lane: 0, readers: [{ id: 3 }] }));
    expect(text).toBe('lane: Too small: expected number to be >0; readers.0.id: Invalid input: expected string, received number');
    expect(text).not.toContain('\n');
  });

  it('names the whole value, counts issues beyond the limit, and cuts long text', () => {
    expect(describeIssues(failure('x'), { whole: '(body)' })).toBe('(body): Invalid input: expected object, received string');
    expect(describeIssues(failure({ lane: 0, readers: [{ id: 3 }], extra: 1 }), { maxIssues: 1 })).toMatch(/^lane: .+; and 2 more$/);
    const cut = describeIssues(failure({ lane: 0, readers: [{ id: 3 }] }), { maxLength: 20 });
    expect(cut).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('re-roots the paths of a value checked inside a wrapper', () => {
    const Wrapper = z.object({ records: z.array(Config) });
    const parsed = Wrapper.safeParse({ records: [{ lane: 'one', readers: [] }] });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssues(parsed.error, { dropPathPrefix: 2 })).toBe('lane: Invalid input: expected number, received string');
  });

  it('gives the place of the first problem', () => {
    expect(firstIssuePath(failure({ lane: 1, readers: [{ id: 3 }] }))).toBe('readers.0.id');
    expect(firstIssuePath(failure(null))).toBe('(top level)');
  });
});

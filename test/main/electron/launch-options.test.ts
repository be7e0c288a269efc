import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { coreProcessArguments, parseLaunchOptions } from '../../../main/electron/launch-options.js';

const cwd = path.resolve('/home/tech');

describe('launch options from argv', () => {
  test('finds nothing in a plain packaged launch', () => {
    expect(parseLaunchOptions(['/opt/Sahman/sahman'], cwd)).toEqual({ ok: true, options: {} });
  });

  test('reads --data DIR in a development launch (electron . --data DIR)', () => {
    expect(parseLaunchOptions(['/usr/lib/electron', '.', '--data', '/var/lib/sahman'], cwd)).toEqual({ ok: true, options: { dataDir: path.resolve('/var/lib/sahman') } });
  });

  test('reads --data=DIR and --config=FILE', () => {
    expect(parseLaunchOptions(['sahman', '--data=/srv/data', '--config=/etc/sahman.json'], cwd)).toEqual({
      ok: true,
      options: { dataDir: path.resolve('/srv/data'), configFile: path.resolve('/etc/sahman.json') },
    });
  });

  test('resolves relative paths against the working directory', () => {
    expect(parseLaunchOptions(['sahman', '--data', 'data', '--config', 'conf/sahman.json'], cwd)).toEqual({
      ok: true,
      options: { dataDir: path.join(cwd, 'data'), configFile: path.join(cwd, 'conf', 'sahman.json') },
    });
  });

  test('ignores Chromium switches and unknown arguments', () => {
    expect(parseLaunchOptions(['sahman', '--enable-logging', '--lang=fr', '--database', 'x', '--data', 'd'], cwd)).toEqual({
      ok: true,
      options: { dataDir: path.join(cwd, 'd') },
    });
  });

  test.each([
    [['sahman', '--data']],
    [['sahman', '--data=']],
    [['sahman', '--data', '--config', 'x']],
    [['sahman', '--config']],
  ])('reports a missing value: %j', (argv) => {
    const result = parseLaunchOptions(argv, cwd);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/needs a path/);
  });

  test('reports a repeated option rather than guessing which one was meant', () => {
    const result = parseLaunchOptions(['sahman', '--data', 'a', '--data=b'], cwd);
    expect(result).toEqual({ ok: false, error: '--data was given more than once' });
  });
});

describe('the core process arguments', () => {
  test('use the default data folder when none was given', () => {
    expect(coreProcessArguments({}, '/home/u/.config/Sahman/data')).toEqual(['--data', '/home/u/.config/Sahman/data']);
  });

  test('use the chosen data folder and config file', () => {
    expect(coreProcessArguments({ dataDir: '/srv/d', configFile: '/etc/s.json' }, '/unused')).toEqual(['--data', '/srv/d', '--config', '/etc/s.json']);
  });
});

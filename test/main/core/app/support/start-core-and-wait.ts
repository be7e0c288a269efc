// Starts the core on the data folder given as argv[2], prints how start-up ended
// and never calls process.exit. The core unrefs its timers, so a leaked one would
// not keep a process alive and would go unseen (until an embedding host starts the
// core again and again); here a timer's unref does nothing, so the process ends by
// itself only if start-up (or close) cleared every timer and closed every handle.
for (const name of ['setTimeout', 'setInterval'] as const) {
  const original = globalThis[name] as (...args: unknown[]) => NodeJS.Timeout;
  (globalThis as Record<string, unknown>)[name] = (...args: unknown[]) => {
    const timer = original(...args);
    timer.unref = () => timer;
    return timer;
  };
}

const { startCore } = await import('../../../../../main/core/app/core.js');
const { CoreStartError } = await import('../../../../../main/core/app/core-start-error.js');

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: start-core-and-wait.ts <data dir>');
try {
  const core = await startCore({ dataDir, host: 'embedded', sync: { pollMs: 50 } });
  process.stdout.write('started\n');
  await core.close();
  process.stdout.write('closed\n');
} catch (error) {
  const name = error instanceof CoreStartError ? 'CoreStartError' : error instanceof Error ? error.name : 'unknown';
  process.stdout.write(`start failed: ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

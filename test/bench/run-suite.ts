import type { BenchSuite } from './suite.js';

const name = process.argv[2] ?? '';
const module = (await import(`./suites/${name}.ts`)) as { suite: BenchSuite };
const figures = await module.suite.run();
process.stdout.write(JSON.stringify(figures));

import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { assertBuilt, repoRoot } from './built-cli.js';

/** The built utilityProcess entry that Electron's main process forks. */
export const coreProcessEntry = path.join(repoRoot, 'dist', 'main', 'core', 'hosts', 'utility', 'core-process.js');

/**
 * Electron's utilityProcess cannot run here (no Electron binary). This gives the
 * built core entry the one thing Electron would: `process.parentPort`, with
 * Electron's message shape ({data, ports}), carried over a worker thread, so the
 * entry runs unchanged and real MessagePorts reach it.
 */
const SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const wrapPort = (port) => ({
  on(event, listener) {
    if (event === 'message') port.on('message', (data) => listener({ data, ports: [] }));
    else port.on(event, listener);
  },
  postMessage(message) { port.postMessage(message); },
  start() { port.start(); },
  close() { port.close(); },
});
process.parentPort = {
  on(event, listener) {
    if (event !== 'message') return;
    parentPort.on('message', ({ data, port }) => listener({ data, ports: port ? [wrapPort(port)] : [] }));
  },
  postMessage(message) { parentPort.postMessage(message); },
};
import(pathToFileURL(workerData.entry).href);
`;

export interface UtilityCore {
  /** Messages the core posted to its parent, in order. */
  readonly messages: unknown[];
  readonly exited: Promise<number>;
  /** Like Electron main's MessageChannelMain hand-over: returns the page's end. */
  connect(clientId: string): MessagePort;
}

export function startUtilityCore(args: readonly string[]): UtilityCore {
  assertBuilt();
  const worker = new Worker(SHIM, { eval: true, argv: [...args], workerData: { entry: coreProcessEntry }, stdout: true, stderr: true });
  const messages: unknown[] = [];
  worker.on('message', (message: unknown) => messages.push(message));
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  onTestFinished(async () => {
    await worker.terminate();
  });
  return {
    messages,
    exited,
    connect(clientId) {
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ data: { type: 'connect', clientId }, port: port2 }, [port2]);
      return port1;
    },
  };
}

export function nextPortMessage(port: MessagePort): Promise<unknown> {
  return new Promise((resolve) => {
    port.once('message', (text: string) => resolve(JSON.parse(text) as unknown));
  });
}

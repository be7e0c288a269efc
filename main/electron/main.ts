/**
 * The Electron main process entry (package.json "main"): the kiosk window, the
 * app:// protocol, the security policy and the core's supervisor. It never runs
 * the core itself (a utility process started by path) and never loads native
 * modules. Called at the top level, synchronously, because some of what
 * launchShell does must happen before the app is ready.
 */
import { launchShell } from './shell.js';

launchShell({ mainModuleUrl: import.meta.url, argv: process.argv, cwd: process.cwd() });

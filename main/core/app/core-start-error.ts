/**
 * The core cannot start, and starting it again will not help until a person
 * fixes something (the config file, the data folder, the key). Hosts show the
 * message and exit 78 instead of restarting in a loop.
 */
export class CoreStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoreStartError';
  }
}

import { CoreStartError } from '../app/core-start-error.js';

/** The config file cannot be used; the message names the file, the field and the problem. */
export class ConfigError extends CoreStartError {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

import type { ApplianceConfig } from '../../common/contract/config.js';

/**
 * The configuration in force now. Most settings are read once at start; the
 * technician's screens change readers and the central link while the core
 * runs, and what reads those settings later (the link test, registration,
 * diagnostics) asks here rather than keeping the start-up copy.
 */
export class LiveConfig {
  constructor(private config: ApplianceConfig) {}

  get current(): ApplianceConfig {
    return this.config;
  }

  replace(config: ApplianceConfig): void {
    this.config = config;
  }
}

// Types for eslint.config.js, so that tests can import its layer rules.
import type { Linter } from 'eslint';

export interface Layer {
  readonly folder: string;
  readonly packages: readonly string[];
  readonly folders: readonly string[];
  readonly why: string;
}

export declare const layers: readonly Layer[];
export declare const layerRules: Linter.Config[];
declare const config: Linter.Config[];
export default config;

// Types for eslint.config.js, so that tests can import its layer rules.
import type { Linter } from 'eslint';

export declare const layerRules: Linter.Config[];
declare const config: Linter.Config[];
export default config;

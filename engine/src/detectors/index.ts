import type { Detector } from './types';

/** Built-in detectors by name, as catalog entries refer to them (`match.detector`). */
export const DETECTORS: Record<string, Detector> = {};

import type { Detector } from './types';

/** Detectors for the security part of the catalog. */
export const DETECTORS_SECURITY: Record<string, Detector> = {};

import type { Detector } from './types';

/** Detectors for the raid part of the catalog. */
export const DETECTORS_RAID: Record<string, Detector> = {};

import type { Detector } from './types';

/** Detectors for the replication part of the catalog. */
export const DETECTORS_REPLICATION: Record<string, Detector> = {};

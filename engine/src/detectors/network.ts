import type { Detector } from './types';

/** Detectors for the network part of the catalog. */
export const DETECTORS_NETWORK: Record<string, Detector> = {};

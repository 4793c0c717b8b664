import type { Detector } from './types';

/** Detectors for the certificate part of the catalog. */
export const DETECTORS_CERTIFICATE: Record<string, Detector> = {};

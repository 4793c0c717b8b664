import { DETECTORS_CERTIFICATE } from './certificate';
import { DETECTORS_NETWORK } from './network';
import { DETECTORS_RAID } from './raid';
import { DETECTORS_REPLICATION } from './replication';
import { DETECTORS_SECURITY } from './security';
import type { Detector } from './types';

/** Built-in detectors by name, as catalog entries refer to them (`match.detector`). */
export const DETECTORS: Record<string, Detector> = {
  ...DETECTORS_REPLICATION,
  ...DETECTORS_RAID,
  ...DETECTORS_CERTIFICATE,
  ...DETECTORS_NETWORK,
  ...DETECTORS_SECURITY,
};

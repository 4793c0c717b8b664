import type { Localized } from './types';

/** Runbooks are data (runbooks/*.yaml); this is their shape once compiled. */
export interface RunbookCommand {
  command: string;
  where: 'publisher' | 'subscribers' | 'every-node' | 'uccx' | 'any' | 'workstation' | 'node';
  note?: Localized;
}

export interface RunbookChoice {
  label: Localized;
  /** Step id to go to. */
  goto: string;
}

export interface RunbookStep {
  id: string;
  title: Localized;
  text: Localized;
  commands?: RunbookCommand[];
  expect?: Localized;
  warning?: Localized;
  choices?: RunbookChoice[];
  entries?: string[];
}

export interface Runbook {
  id: string;
  topic: string;
  title: Localized;
  symptom: Localized;
  appliesTo?: Localized;
  steps: RunbookStep[];
}

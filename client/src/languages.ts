/** Our language ids (never VS Code's own `log`). Kept in step with `contributes.languages` by a test. */
export const LANGUAGE_IDS = [
  'cucm-sdl',
  'cucm-mivr',
  'cucm-jtapi',
  'cucm-syslog',
  'cucm-eventlog',
  'cucm-cli',
] as const;
export type LanguageId = (typeof LANGUAGE_IDS)[number];

/** Language modes that engineers' hand-saved captures usually land in, and that we may switch. */
export const SNIFFED_LANGUAGES = new Set(['plaintext', 'log']);

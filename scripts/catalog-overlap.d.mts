// Types of scripts/catalog-overlap.mjs for the TypeScript tests (the script itself is checked loosely by
// tsconfig.scripts.json).
export interface Knowledge {
  entries: unknown[];
  glossary: unknown[];
  runbooks: unknown[];
  topics: unknown[];
}
export interface SeedFingerprint {
  about: string;
  seedSha256: string;
  hashHex: number;
  ja: { window: number; hashes: string };
  en: { window: number; hashes: string };
}
export const JA_WINDOW: number;
export const EN_WINDOW: number;
export function japaneseUnits(text: string): string[];
export function englishWords(text: string): string[];
export function fingerprint(seedText: string): SeedFingerprint;
export function seedFiles(root: string): string[];
export function knowledgeTexts(knowledge: Knowledge): Array<{ path: string; text: string }>;
export function overlapProblems(
  root: string,
  knowledge: Knowledge,
  options?: { log?: (message: string) => void; fingerprintData?: SeedFingerprint },
): string[];

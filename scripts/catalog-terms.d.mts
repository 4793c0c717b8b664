// Types of scripts/catalog-terms.mjs for the TypeScript tests.
import type { Knowledge } from './catalog-overlap.mjs';
export function termProblems(root: string, knowledge: Knowledge): string[];

import type { RecordIndex } from '../records';
import type { TextIndex } from '../text-index';
import type { Localized, Range } from '../types';

/** What a detector sees: the whole text, its line index and records, and the trigger hits. */
export interface DetectorContext {
  text: string;
  index: TextIndex;
  records: RecordIndex;
  /** Lines (ascending, unique) on which one of the rule's triggers occurs. */
  hitLines: number[];
  now: Date;
  params: Record<string, unknown>;
}

/** A finding as a detector reports it; the engine adds id, severity and ordering. */
export interface DetectorFinding {
  range: Range;
  captures: Record<string, string>;
  related?: Array<{ range: Range; message: Localized }>;
}

/**
 * Detectors do what one regular expression cannot: compare values across lines of a block
 * (a certificate's Issuer and Subject, replicate counts across nodes), or read a table by column.
 * Each must stay linear in the size of the text.
 */
export type Detector = (ctx: DetectorContext) => DetectorFinding[];

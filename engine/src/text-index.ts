import type { Position, Range } from './types';

/**
 * Line starts of a text, for turning offsets into positions.
 * `\r\n`, `\n` and a lone `\r` all end a line; a line's content excludes its terminator.
 */
export class TextIndex {
  readonly starts: number[] = [0];
  /** End of each line's content (before its terminator). */
  readonly ends: number[] = [];

  constructor(readonly text: string) {
    const n = text.length;
    if (text.indexOf('\r') === -1) {
      // Fast path: LF only.
      for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', lf + 1)) {
        this.ends.push(lf);
        this.starts.push(lf + 1);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
          this.ends.push(i);
          if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
          this.starts.push(i + 1);
        }
      }
    }
    this.ends.push(n);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  line(n: number): string {
    return this.text.slice(this.starts[n], this.ends[n]);
  }

  /** Line number holding `offset` (binary search). */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    const character = Math.min(offset, this.ends[line]) - this.starts[line];
    return { line, character };
  }

  /** Range over whole lines `first..last`, from the first non-blank character to the end of the content. */
  linesRange(first: number, last: number): Range {
    const lineText = this.line(first);
    const indent = lineText.length - lineText.trimStart().length;
    return {
      start: { line: first, character: indent },
      end: { line: last, character: this.ends[last] - this.starts[last] },
    };
  }
}

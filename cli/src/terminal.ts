/**
 * Terminal safety and colour. Log text is untrusted: an escape sequence in a captured value could erase
 * lines, fake a clean result or set the window title. Text output shows such characters as visible
 * escapes instead; JSON keeps them as \u escapes so it stays the same data.
 */

/**
 * C0 controls except TAB, DEL, C1 controls (8-bit CSI/OSC), line/paragraph separators and the bidi
 * embedding, override and isolate marks (which reorder what the reader sees). One character class: linear.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they get escaped.
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number): string => c.charCodeAt(0).toString(16).padStart(width, '0');

/** Makes untrusted text safe to print: `\x1b`, `\n`, `\u202e` are shown literally. */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  });
}

/**
 * JSON.stringify escapes C0 controls already; C1 controls and bidi marks are valid raw in JSON but act on
 * a terminal that shows the file. They only occur inside strings, so `\uXXXX` keeps the same value.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${hex(c, 4)}`,
  );
}

export type ColorMode = 'auto' | 'always' | 'never';

/**
 * `auto` colours only a terminal, and not when NO_COLOR is set (https://no-color.org) or TERM is dumb;
 * `always`/`never` are the user's explicit choice and win over the environment.
 */
export function useColor(mode: ColorMode, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (mode !== 'auto') return mode === 'always';
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}

const SGR = {
  bold: '1',
  dim: '2',
  red: '31',
  yellow: '33',
  blue: '34',
  cyan: '36',
} as const;

export type Paint = (style: keyof typeof SGR, text: string) => string;

/** Wraps text in an SGR colour when colour is on. The text must be escaped already. */
export function painter(on: boolean): Paint {
  return on ? (style, text) => `\x1b[${SGR[style]}m${text}\x1b[0m` : (_style, text) => text;
}

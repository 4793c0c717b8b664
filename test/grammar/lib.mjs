// @ts-check
// Shared helpers for the grammar tests: load the six grammars into a vscode-textmate
// registry (Oniguruma's wasm is read from node_modules, never fetched), tokenize text.
//
// Developer aid:  node test/grammar/lib.mjs text.cucm.sdl path/to/file   (or "-" for stdin)
// prints every token with its columns and scopes.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// vscode-textmate and vscode-oniguruma come with vscode-tmgrammar-test; resolve them from
// there so the tests use exactly the engine the assertion/snapshot runners use.
const rootRequire = createRequire(path.join(ROOT, 'package.json'));
const toolRequire = createRequire(rootRequire.resolve('vscode-tmgrammar-test/package.json'));
const vsctm = toolRequire('vscode-textmate');
const oniguruma = toolRequire('vscode-oniguruma');

export const GRAMMARS = [
  { id: 'cucm-sdl', scopeName: 'text.cucm.sdl' },
  { id: 'cucm-mivr', scopeName: 'text.cucm.mivr' },
  { id: 'cucm-jtapi', scopeName: 'text.cucm.jtapi' },
  { id: 'cucm-syslog', scopeName: 'text.cucm.syslog' },
  { id: 'cucm-eventlog', scopeName: 'text.cucm.eventlog' },
  { id: 'cucm-cli', scopeName: 'text.cucm.cli' },
  // `ext`: extension of the language's assertion cases and snapshot sample (test/grammar/tmgrammar.config.json)
].map((g) => ({ ...g, ext: g.id.slice('cucm-'.length), file: path.join(ROOT, 'syntaxes', `${g.id}.tmLanguage.json`) }));

let onigLibPromise;
export function onigLib() {
  if (!onigLibPromise) {
    const wasmPath = path.join(path.dirname(toolRequire.resolve('vscode-oniguruma')), 'onig.wasm');
    const bytes = fs.readFileSync(wasmPath);
    onigLibPromise = oniguruma
      .loadWASM(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
      .then(() => ({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }));
  }
  return onigLibPromise;
}

/** Compile one regex with the real engine; throws on a syntax error. */
export async function compileRegex(source) {
  const lib = await onigLib();
  const scanner = lib.createOnigScanner([source]);
  if (typeof scanner.dispose === 'function') scanner.dispose();
}

export function createRegistry() {
  const byScope = new Map(GRAMMARS.map((g) => [g.scopeName, g.file]));
  return new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) => {
      const file = byScope.get(scopeName);
      if (!file) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
}

/** Tokenize `text` line by line; returns [{line, tokens:[{startIndex,endIndex,scopes}]}]. */
export function tokenize(grammar, text, onLine) {
  let state = vsctm.INITIAL;
  const out = [];
  for (const line of text.split(/\r?\n/)) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    if (onLine) onLine(line, tokens);
    else out.push({ line, tokens });
  }
  return out;
}

async function main() {
  const [scopeName, file] = process.argv.slice(2);
  if (!scopeName || !file) {
    console.error('usage: node test/grammar/lib.mjs <scopeName> <file|->');
    process.exit(2);
  }
  const grammar = await createRegistry().loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  const text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  tokenize(grammar, text, (line, tokens) => {
    console.log(`> ${line}`);
    for (const t of tokens) {
      const piece = line.slice(t.startIndex, t.endIndex);
      if (!piece.trim()) continue;
      console.log(
        `  ${String(t.startIndex).padStart(4)}-${String(t.endIndex).padEnd(4)} ${JSON.stringify(piece).padEnd(34)} ${t.scopes.slice(1).join(' ')}`,
      );
    }
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

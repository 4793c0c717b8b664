// The manifest follows VS Code conventions and its localizations are complete.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { LANGUAGE_IDS } from '../../client/src/languages';
import { Commands } from '../../common/protocol';

const root = path.resolve(__dirname, '../../..');
const read = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
const pkg = read('package.json');
const nlsEn = read('package.nls.json');
const nlsJa = read('package.nls.ja.json');

function placeholders(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.push(m[1]);
  } else if (Array.isArray(value)) value.forEach((v) => placeholders(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => placeholders(v, out));
  return out;
}

describe('package.json', () => {
  it("contributes exactly our languages, never VS Code's own `log`", () => {
    const ids: string[] = pkg.contributes.languages.map((l: { id: string }) => l.id);
    assert.equal(ids.indexOf('log'), -1, 'never the built-in log language');
    assert.deepEqual([...ids], [...LANGUAGE_IDS]);
    for (const l of pkg.contributes.languages) {
      assert.ok(l.filenamePatterns.length > 0 && l.firstLine, l.id);
      new RegExp(l.firstLine);
    }
    for (const g of pkg.contributes.grammars) {
      assert.ok((LANGUAGE_IDS as readonly string[]).includes(g.language));
      assert.notEqual(g.scopeName, 'text.log');
      assert.ok(fs.existsSync(path.join(root, g.path)), g.path);
    }
  });

  it('gives every command the CUCM category and a handler id from the shared protocol', () => {
    const known = new Set(Object.values(Commands));
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'CUCM', c.command);
      assert.ok(known.has(c.command), c.command);
    }
  });

  it('declares scope and a description for every setting under cucmTraceLens.', () => {
    for (const [key, s] of Object.entries<Record<string, unknown>>(pkg.contributes.configuration.properties)) {
      assert.ok(key.startsWith('cucmTraceLens.'), key);
      assert.ok(s.scope, `${key} scope`);
      assert.ok(s.description || s.markdownDescription, `${key} description`);
    }
  });

  it('localizes every manifest string in English and Japanese', () => {
    const keys = placeholders(pkg);
    assert.ok(keys.length > 10);
    for (const k of keys) {
      assert.ok(nlsEn[k], `package.nls.json: ${k}`);
      assert.ok(nlsJa[k], `package.nls.ja.json: ${k}`);
    }
    assert.deepEqual(Object.keys(nlsJa).sort(), Object.keys(nlsEn).sort());
  });
});

describe('client strings', () => {
  it('has a Japanese translation for every vscode.l10n.t() string of the client', () => {
    const bundle = read('l10n/bundle.l10n.ja.json');
    const dir = path.join(root, 'client/src');
    const used = new Set<string>();
    // client/src/**/*.ts: subfolders (client/src/runbooks/) too
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(dir, f));
    assert.ok(
      files.some((f) => f.includes(`${path.sep}runbooks${path.sep}`)),
      'scans client/src/runbooks/',
    );
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
    }
    // Our prompts follow cucmTraceLens.language through client/src/strings.ts; anything still on
    // vscode.l10n (VS Code's display language) needs its Japanese bundle entry.
    for (const s of used) assert.ok(bundle[s], `l10n/bundle.l10n.ja.json lacks "${s}"`);
  });
});

describe('generated docs', () => {
  it('are up to date with the catalog (npm run catalog)', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-catalog.mjs'), '--check'], { stdio: 'pipe' });
  });
});

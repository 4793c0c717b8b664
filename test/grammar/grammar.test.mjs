// @ts-check
// Static checks on the six generated grammars and on the test fixtures themselves.
//   node --test test/grammar/grammar.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, GRAMMARS, compileRegex } from './lib.mjs';
import { buildGrammars } from '../../scripts/grammar/generate.mjs';

const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));

// Scope prefixes that VS Code's default Dark+ and Light+ themes (and the Modern themes that
// inherit them) give a visible style. Checked against theme-defaults/themes/{dark,light}_{vs,plus}.json.
// Deliberately not here: entity.other.attribute-name and support.type.property-name (bright red
// in Light+), constant.other (uncoloured).
const COLOURED = [
  'comment',
  'constant.language',
  'constant.numeric',
  'constant.character',
  'constant.other.placeholder',
  'entity.name.tag',
  'entity.name.function',
  'entity.name.type',
  'entity.name.namespace',
  'invalid',
  'markup.inserted',
  'markup.changed',
  'markup.heading',
  'markup.underline', // fontStyle only: always paired with a string.* scope in the same name
  'storage',
  'string',
  'keyword.control',
  'keyword.other',
  'variable',
];
// Intentionally neutral (default foreground) — structure only.
const NEUTRAL = ['meta', 'punctuation', 'keyword.operator'];

const startsWithSegment = (scope, prefix) => scope === prefix || scope.startsWith(prefix + '.');

function* walkRules(node, where) {
  if (!node || typeof node !== 'object') return;
  yield [node, where];
  for (const [i, p] of (node.patterns ?? []).entries()) yield* walkRules(p, `${where}.patterns[${i}]`);
  for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures']) {
    for (const [k, c] of Object.entries(node[key] ?? {})) yield* walkRules(c, `${where}.${key}[${k}]`);
  }
}

function* allRules(grammar) {
  for (const [i, p] of grammar.patterns.entries()) yield* walkRules(p, `patterns[${i}]`);
  for (const [name, rule] of Object.entries(grammar.repository ?? {})) yield* walkRules(rule, `repository.${name}`);
}

test('package.json contributes exactly these six grammars (read-only check)', () => {
  const pkg = read(path.join(ROOT, 'package.json'));
  const contributed = pkg.contributes.grammars.map((g) => ({
    language: g.language,
    scopeName: g.scopeName,
    path: path.normalize(g.path),
  }));
  for (const g of GRAMMARS) {
    assert.deepEqual(
      contributed.find((c) => c.language === g.id),
      { language: g.id, scopeName: g.scopeName, path: path.normalize(`./syntaxes/${g.id}.tmLanguage.json`) },
      `package.json grammar entry for ${g.id}`,
    );
  }
  const all = JSON.stringify(pkg.contributes);
  assert.ok(!/"text\.log"|"log"/.test(all), 'must not declare or reuse VS Code\'s own "log" language / text.log scope');
});

test('committed grammar JSON is exactly what scripts/grammar/generate.mjs produces', () => {
  const built = buildGrammars();
  for (const g of GRAMMARS) {
    assert.equal(
      fs.readFileSync(g.file, 'utf8'),
      JSON.stringify(built[g.id], null, 2) + '\n',
      `${g.id} is stale: run node scripts/grammar/generate.mjs`,
    );
  }
});

for (const g of GRAMMARS) {
  test(`${g.id}: structure, includes, scope names, regexes`, async () => {
    const grammar = read(g.file);
    assert.equal(grammar.scopeName, g.scopeName);
    assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0);
    assert.ok(!JSON.stringify(grammar).includes('text.log'), 'no text.log scope');

    const regexes = [];
    for (const [rule, where] of allRules(grammar)) {
      if (rule.include) {
        assert.ok(rule.include.startsWith('#'), `${where}: only local includes (#name), got ${rule.include}`);
        assert.ok(rule.include.slice(1) in grammar.repository, `${where}: dangling include ${rule.include}`);
      }
      for (const key of ['match', 'begin', 'end', 'while']) if (rule[key]) regexes.push([where + '.' + key, rule[key]]);
      if (rule.match) {
        assert.ok(rule.name || rule.captures, `${where}: match rule without name or captures does nothing`);
      }
      for (const key of ['name', 'contentName']) {
        if (!rule[key]) continue;
        for (const scope of rule[key].split(/\s+/)) {
          assert.ok(scope.endsWith('.cucm'), `${where}: scope "${scope}" must end with .cucm`);
          const ok = [...COLOURED, ...NEUTRAL].some((p) => startsWithSegment(scope, p));
          assert.ok(ok, `${where}: scope "${scope}" does not start with a standard scope the default themes colour`);
        }
        if (rule[key].includes('markup.underline')) {
          assert.ok(/\bstring\./.test(rule[key]), `${where}: markup.underline must be paired with a string.* colour`);
        }
      }
    }
    assert.ok(regexes.length > 20);
    for (const [where, source] of regexes) {
      await assert.doesNotReject(compileRegex(source), `${where}: Oniguruma rejects ${source}`);
    }
  });
}

test('every language has assertion cases and a committed snapshot', () => {
  const casesDir = path.join(ROOT, 'test/grammar/cases');
  const snapDir = path.join(ROOT, 'test/grammar/snap');
  const config = read(path.join(ROOT, 'test/grammar/tmgrammar.config.json'));
  for (const g of GRAMMARS) {
    const ext = g.ext;
    const dir = path.join(casesDir, ext);
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.' + ext)) : [];
    assert.ok(files.length > 0, `no assertion cases in ${path.relative(ROOT, dir)}`);
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const header = text.split('\n', 1)[0];
      assert.match(
        header,
        new RegExp(`^## SYNTAX TEST "${g.scopeName.replace(/\./g, '\\.')}" "[^"]+"$`),
        `${f}: header`,
      );
      assert.ok((text.match(/^##\s*(\^|<[~]*-)/gm) ?? []).length >= 10, `${f}: too few assertions`);
    }
    // A missing .snap would make vscode-tmgrammar-snap silently generate one and pass.
    const sample = path.join(snapDir, `sample.${ext}`);
    assert.ok(fs.existsSync(sample), `missing snapshot sample ${path.relative(ROOT, sample)}`);
    assert.ok(fs.existsSync(sample + '.snap'), `missing committed snapshot ${path.relative(ROOT, sample)}.snap`);
    const lang = config.contributes.languages.find((l) => l.id === g.id);
    assert.deepEqual(lang?.extensions, ['.' + ext], `tmgrammar.config.json maps .${ext} to ${g.id}`);
    const cg = config.contributes.grammars.find((x) => x.language === g.id);
    assert.equal(cg?.scopeName, g.scopeName);
    assert.equal(path.resolve(ROOT, 'test/grammar', cg.path), g.file);
  }
});

test('the assertion suite fails against a broken grammar (the tests are real)', () => {
  const bin = path.join(
    ROOT,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'vscode-tmgrammar-test.cmd' : 'vscode-tmgrammar-test',
  );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cucm-grammar-'));
  try {
    // Break one grammar in a plausible way: every severity-error rule loses its colour.
    const broken = read(path.join(ROOT, 'syntaxes/cucm-syslog.tmLanguage.json'));
    broken.repository['severity-tag-error'].name = 'meta.broken.cucm';
    fs.writeFileSync(path.join(tmp, 'cucm-syslog.tmLanguage.json'), JSON.stringify(broken));
    const config = {
      contributes: {
        grammars: [{ language: 'cucm-syslog', scopeName: 'text.cucm.syslog', path: './cucm-syslog.tmLanguage.json' }],
      },
    };
    fs.writeFileSync(path.join(tmp, 'config.json'), JSON.stringify(config));
    const cases = path.join(ROOT, 'test/grammar/cases/syslog/*.syslog');
    const ok = spawnSync(bin, ['--config', path.join(ROOT, 'test/grammar/tmgrammar.config.json'), cases], {
      cwd: ROOT,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    assert.equal(ok.status, 0, `suite should pass on the real grammar:\n${ok.stdout}${ok.stderr}`);
    const bad = spawnSync(bin, ['--config', path.join(tmp, 'config.json'), cases], {
      cwd: ROOT,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    assert.notEqual(bad.status, 0, 'suite must fail on the broken grammar');
    assert.match(bad.stdout, /missing required scopes: invalid\.illegal\.severity\.error\.cucm/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

#!/usr/bin/env node
// @ts-check
// Compiles catalog/entries/**/*.yaml (and runbooks/*.yaml) into engine/src/generated/*.ts after
// validating them, so nothing is read from disk at run time. `--check` validates only.
import Ajv from 'ajv';
import { readFileSync, readdirSync, mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname, basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { coverageTable, glossaryPage, referenceIndex, referencePage } from './catalog-docs.mjs';
import { overlapProblems } from './catalog-overlap.mjs';
import { termProblems } from './catalog-terms.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const checkOnly = process.argv.includes('--check');

function walk(dir, ext) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

const errors = [];
const fail = (file, msg) => errors.push(`${relative(root, file)}: ${msg}`);
const load = (file) => {
  try {
    return YAML.parse(readFileSync(file, 'utf8'), { prettyErrors: true });
  } catch (e) {
    fail(file, `YAML: ${e.message}`);
    return undefined;
  }
};

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
/** @type {import('ajv').ValidateFunction<any>} */
const validateEntry = ajv.compile(JSON.parse(readFileSync(join(root, 'catalog/schema.json'), 'utf8')));
const topics = load(join(root, 'catalog/topics.yaml')) ?? [];
const topicKeys = new Set(topics.map((t) => t.key));

const runbookSchemaPath = join(root, 'runbooks/schema.json');
/** @type {import('ajv').ValidateFunction<any> | undefined} */
const validateRunbook = existsSync(runbookSchemaPath)
  ? ajv.compile(JSON.parse(readFileSync(runbookSchemaPath, 'utf8')))
  : undefined;
const runbooks = [];
// CUCM_RUNBOOKS_DIR lets runbooks be drafted elsewhere without breaking everyone's build.
const runbooksDir = process.env.CUCM_RUNBOOKS_DIR ?? join(root, 'runbooks');
for (const file of walk(runbooksDir, '.yaml')) {
  const rb = load(file);
  if (!rb) continue;
  if (validateRunbook && !validateRunbook(rb)) {
    for (const e of validateRunbook.errors ?? []) fail(file, `${e.instancePath || '/'} ${e.message}`);
    continue;
  }
  if (basename(file) !== `${rb.id}.yaml`) fail(file, `file name must be ${rb.id}.yaml`);
  // As for entries: Japanese lines are joined without a space between Japanese characters, English ones with one.
  const joinTexts = (o) => {
    if (Array.isArray(o)) o.forEach(joinTexts);
    else if (o && typeof o === 'object') {
      if (typeof o.en === 'string' && typeof o.ja === 'string') {
        o.en = o.en.replace(/\s*\n\s*/g, ' ');
        o.ja = joinJapanese(o.ja);
      } else Object.values(o).forEach(joinTexts);
    }
  };
  joinTexts(rb);
  runbooks.push(rb);
}
const runbookSteps = new Map(runbooks.map((r) => [r.id, new Set((r.steps ?? []).map((s) => s.id))]));

/** Joins the lines of a Japanese text: no space between two Japanese characters, one space otherwise. */
export function joinJapanese(text) {
  const cjk = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;
  return text.replace(/[ \t]*\n[ \t]*/g, (m, off, str) =>
    cjk.test(str[off - 1] ?? '') && cjk.test(str[off + m.length] ?? '') ? '' : ' ',
  );
}

const entries = [];
const ids = new Set();
const aliases = new Set();
for (const file of walk(join(root, 'catalog/entries'), '.yaml')) {
  const entry = load(file);
  if (!entry) continue;
  if (!validateEntry(entry)) {
    for (const e of validateEntry.errors ?? []) fail(file, `${e.instancePath || '/'} ${e.message}`);
    continue;
  }
  if (basename(file) !== `${entry.id}-${entry.alias}.yaml`)
    fail(file, `file name must be ${entry.id}-${entry.alias}.yaml`);
  if (ids.has(entry.id)) fail(file, `duplicate id ${entry.id}`);
  if (aliases.has(entry.alias)) fail(file, `duplicate alias ${entry.alias}`);
  ids.add(entry.id);
  aliases.add(entry.alias);
  if (!topicKeys.has(entry.topic)) fail(file, `unknown topic ${entry.topic}`);
  for (const p of [...(entry.match.patterns ?? []), ...(entry.match.unless ? [entry.match.unless] : [])]) {
    try {
      new RegExp(p, entry.match.flags ?? '');
    } catch (e) {
      fail(file, `bad pattern ${p}: ${e.message}`);
    }
  }
  for (const lang of ['en', 'ja']) {
    for (const name of (entry[lang].message.match(/\{(\w+)\}/g) ?? []).map((s) => s.slice(1, -1))) {
      const declared = (entry.match.patterns ?? []).some((p) => p.includes(`(?<${name}>`));
      if (!declared && !entry.match.detector) fail(file, `${lang}.message uses {${name}} but no pattern captures it`);
    }
  }
  if (runbooks.length > 0 && entry.runbook) {
    const steps = runbookSteps.get(entry.runbook);
    if (!steps) fail(file, `unknown runbook ${entry.runbook}`);
    else if (entry.runbookStep && !steps.has(entry.runbookStep))
      fail(file, `runbook ${entry.runbook} has no step ${entry.runbookStep}`);
  }
  // Japanese is written in literal blocks; a line break inside it is not a space.
  for (const key of Object.keys(entry.ja)) entry.ja[key] = joinJapanese(entry.ja[key]);
  for (const key of Object.keys(entry.en)) entry.en[key] = entry.en[key].replace(/\s*\n\s*/g, ' ');
  entries.push(entry);
}
entries.sort((a, b) => a.id.localeCompare(b.id));

// Glossary: tokens explained on hover anywhere (commands, values, counters, severities, SIP codes).
/** @type {import('ajv').ValidateFunction<any>} */
const validateTerm = ajv.compile(JSON.parse(readFileSync(join(root, 'catalog/glossary-schema.json'), 'utf8')));
const glossary = [];
const termIds = new Set();
for (const file of walk(join(root, 'catalog/glossary'), '.yaml')) {
  const list = load(file);
  if (!Array.isArray(list)) {
    fail(file, 'a glossary file is a YAML list of terms');
    continue;
  }
  for (const term of list) {
    if (!validateTerm(term)) {
      for (const e of validateTerm.errors ?? [])
        fail(file, `${/** @type {any} */ (term)?.id ?? '?'} ${e.instancePath || '/'} ${e.message}`);
      continue;
    }
    if (termIds.has(term.id)) fail(file, `duplicate glossary id ${term.id}`);
    termIds.add(term.id);
    let re;
    try {
      re = new RegExp(term.pattern, 'i');
    } catch (e) {
      fail(file, `${term.id}: bad pattern: ${e.message}`);
      continue;
    }
    for (const sample of term.samples)
      if (!re.test(sample)) fail(file, `${term.id}: pattern does not match its sample "${sample}"`);
    for (const lang of ['en', 'ja'])
      for (const k of Object.keys(term[lang]))
        term[lang][k] = lang === 'ja' ? joinJapanese(term[lang][k]) : term[lang][k].replace(/\s*\n\s*/g, ' ');
    glossary.push(term);
  }
}

// Own words: nothing shared with the guide beyond message strings, labels and command names.
errors.push(...overlapProblems(root, { entries, glossary, runbooks, topics }));
// Japanese: one term per concept, one colon style, noun-phrase titles.
errors.push(...termProblems(root, { entries, glossary, runbooks, topics }));
if (errors.length) {
  console.error(`catalog: ${errors.length} problem(s)\n  ` + errors.join('\n  '));
  process.exit(1);
}
// Docs: written, or with --check compared with what is committed.
const docs = new Map();
for (const e of entries) docs.set(`docs/reference/${e.id}.md`, referencePage(e, topics));
docs.set('docs/reference/README.md', referenceIndex(entries, topics));
docs.set(
  'docs/coverage.md',
  coverageTable(entries, topics, runbooks, load(join(root, 'catalog/coverage-gaps.yaml')) ?? []),
);
docs.set('docs/glossary.md', glossaryPage(glossary));
const stale = [];
for (const [rel, content] of docs) {
  const file = join(root, rel);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === content) continue;
  if (checkOnly) stale.push(rel);
  else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
const refDir = join(root, 'docs/reference');
for (const name of existsSync(refDir) ? readdirSync(refDir) : []) {
  if (!docs.has(`docs/reference/${name}`)) stale.push(`docs/reference/${name} (no longer in the catalog)`);
}
if (stale.length) {
  console.error(`catalog: generated docs are stale; run \`npm run catalog\` and commit:\n  ${stale.join('\n  ')}`);
  process.exit(1);
}

if (!checkOnly) {
  const outDir = join(root, 'engine/src/generated');
  mkdirSync(outDir, { recursive: true });
  const header = '// Generated by scripts/build-catalog.mjs from catalog/ and runbooks/. Do not edit.\n';
  writeFileSync(
    join(outDir, 'catalog.ts'),
    header +
      "import type { CatalogEntry, GlossaryTerm, Topic } from '../types';\n\n" +
      `export const CATALOG: CatalogEntry[] = ${JSON.stringify(entries, null, 1)};\n\n` +
      `export const TOPICS: Topic[] = ${JSON.stringify(topics, null, 1)};\n\n` +
      // Glossary samples are test data (some are made-up notes); they stay out of the shipped bundle.
      `export const GLOSSARY: GlossaryTerm[] = ${JSON.stringify(
        glossary.map((t) => ({ ...t, samples: [] })),
        null,
        1,
      )};\n`,
  );
  writeFileSync(
    join(outDir, 'glossary-samples.ts'),
    header +
      '/** Sample lines of each glossary term, for the tests only (not imported by the engine). */\n' +
      `export const GLOSSARY_SAMPLES: Record<string, string[]> = ${JSON.stringify(Object.fromEntries(glossary.map((t) => [t.id, t.samples])), null, 1)};\n`,
  );
  writeFileSync(
    join(outDir, 'runbooks.ts'),
    header +
      "import type { Runbook } from '../runbook-types';\n\n" +
      `export const RUNBOOKS: Runbook[] = ${JSON.stringify(runbooks, null, 1)};\n`,
  );
}
console.log(
  `catalog: ${entries.length} entries, ${glossary.length} glossary terms, ${topics.length} topics, ${runbooks.length} runbooks${checkOnly ? ' (checked)' : ''}`,
);

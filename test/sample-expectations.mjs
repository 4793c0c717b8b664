// @ts-check
// Reads samples/EXPECTED.yaml (the findings each sample must give, written by hand with a reason) and compares it
// with what an analysis found. Shared by the engine, server and VS Code tests and by scripts/check-expected.mjs,
// so that the three tiers check against one stated intent instead of against each other.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/** @typedef {{ id: string, line: number, why: string, defect?: string }} ExpectedFinding */
/** @typedef {{ id: string, line?: number, why: string }} QuietRule */
/** @typedef {{ about: string, findings: ExpectedFinding[], quiet: QuietRule[] }} SampleExpectation */
/** @typedef {{ id: string, line: number }} Found  one finding: catalog id and 1-based start line */

export const EXPECTED_FILE = 'EXPECTED.yaml';

const ID = /^[A-Z]{2,8}\d{3}$/;
const FILE_KEYS = new Set(['about', 'findings', 'quiet']);
const FINDING_KEYS = new Set(['id', 'line', 'why', 'defect']);
const QUIET_KEYS = new Set(['id', 'line', 'why']);

/**
 * Every sample file under `samplesDir`, as a path relative to it with `/` separators (dot files, Markdown and the
 * expectations file itself are not samples).
 * @param {string} samplesDir
 * @returns {string[]}
 */
export function sampleFiles(samplesDir) {
  /** @param {string} dir @returns {string[]} */
  const walk = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      if (d.name.startsWith('.')) return [];
      const p = path.join(dir, d.name);
      return d.isDirectory() ? walk(p) : [p];
    });
  return walk(samplesDir)
    .map((f) => path.relative(samplesDir, f).split(path.sep).join('/'))
    .filter((rel) => rel !== EXPECTED_FILE && !rel.endsWith('.md'))
    .sort();
}

/** @param {unknown} v */
const isText = (v) => typeof v === 'string' && v.trim() !== '' && !/^\s*TODO\b/i.test(v);
/** @param {unknown} v */
const isLine = (v) => Number.isInteger(v) && /** @type {number} */ (v) > 0;
/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks one entry of a `findings` or `quiet` list; returns what is wrong with it.
 * @param {unknown} item @param {string} where @param {boolean} quiet
 * @returns {string[]}
 */
function itemProblems(item, where, quiet) {
  if (!isMap(item)) return [`${where}: expected a mapping with id, line and why`];
  const out = [];
  for (const k of Object.keys(item))
    if (!(quiet ? QUIET_KEYS : FINDING_KEYS).has(k)) out.push(`${where}: unknown key "${k}"`);
  if (typeof item.id !== 'string' || !ID.test(item.id)) out.push(`${where}: id must be a catalog id such as JTAPI008`);
  if (quiet ? item.line !== undefined && !isLine(item.line) : !isLine(item.line))
    out.push(`${where}: line must be a 1-based line number`);
  if (!isText(item.why)) out.push(`${where}: every entry needs a why (one line saying what in the file makes it so)`);
  if (item.defect !== undefined && !isText(item.defect)) out.push(`${where}: defect must say what is wrong`);
  return out;
}

/**
 * Reads and checks the expectations file. Never throws on content: everything wrong is listed in `problems`.
 * @param {string} samplesDir
 * @returns {{ expectations: Map<string, SampleExpectation>, problems: string[] }}
 */
export function readExpectations(samplesDir) {
  /** @type {Map<string, SampleExpectation>} */
  const expectations = new Map();
  /** @type {string[]} */
  const problems = [];
  let doc;
  try {
    doc = parse(fs.readFileSync(path.join(samplesDir, EXPECTED_FILE), 'utf8'));
  } catch (e) {
    return { expectations, problems: [`${EXPECTED_FILE}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (!isMap(doc)) return { expectations, problems: [`${EXPECTED_FILE}: expected one mapping per sample file`] };
  for (const [file, entry] of Object.entries(doc)) {
    if (!isMap(entry)) {
      problems.push(`${file}: expected about, findings and quiet`);
      continue;
    }
    for (const k of Object.keys(entry)) if (!FILE_KEYS.has(k)) problems.push(`${file}: unknown key "${k}"`);
    if (!isText(entry.about)) problems.push(`${file}: about must say in one line what the file is`);
    const findings = Array.isArray(entry.findings) ? entry.findings : [];
    const quiet = entry.quiet === undefined ? [] : Array.isArray(entry.quiet) ? entry.quiet : [];
    if (!Array.isArray(entry.findings)) problems.push(`${file}: findings must be a list ([] for a healthy file)`);
    if (entry.quiet !== undefined && !Array.isArray(entry.quiet)) problems.push(`${file}: quiet must be a list`);
    findings.forEach((f, i) => problems.push(...itemProblems(f, `${file} findings[${i}]`, false)));
    quiet.forEach((q, i) => problems.push(...itemProblems(q, `${file} quiet[${i}]`, true)));
    if (findings.length === 0 && quiet.length === 0)
      problems.push(`${file}: a file without findings must say in quiet what it must not trigger and why`);
    expectations.set(file, {
      about: String(entry.about ?? ''),
      findings: /** @type {ExpectedFinding[]} */ (findings),
      quiet: /** @type {QuietRule[]} */ (quiet),
    });
  }
  return { expectations, problems };
}

/** @param {{ id: string, line: number }} f */
export const findingKey = (f) => `${f.id}@${f.line}`;

/**
 * What differs between the expectation of one file and what an analysis found there, one line per difference
 * (empty when they agree). Findings compare as a multiset of id@line; quiet rules must not be broken.
 * @param {SampleExpectation} expected
 * @param {Found[]} found
 * @returns {string[]}
 */
export function compareFindings(expected, found) {
  const left = found.map(findingKey);
  /** @type {string[]} */
  const out = [];
  for (const f of expected.findings) {
    const i = left.indexOf(findingKey(f));
    if (i >= 0) left.splice(i, 1);
    else out.push(`missing ${findingKey(f)} (expected because: ${f.why})`);
  }
  for (const k of left) out.push(`unexpected ${k} (not in ${EXPECTED_FILE})`);
  for (const q of expected.quiet) {
    const broken = found.some((f) => f.id === q.id && (q.line === undefined || f.line === q.line));
    if (broken) out.push(`quiet ${q.line === undefined ? q.id : `${q.id}@${q.line}`} broken (must not fire: ${q.why})`);
  }
  return out;
}

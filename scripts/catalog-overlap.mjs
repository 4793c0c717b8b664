// Own-words check of the catalog build: no text of ours may share a run of 20 or more Japanese
// characters, or 12 or more English words, with the troubleshooting guide the knowledge comes from (the
// "seed"). The guide's text is not in the repository: catalog/seed-fingerprint.json holds only hashes of
// its windows (`npm run seed-fingerprint` writes it from ../shared/seed/ when that is present). Message
// strings, UI labels and command names may be quoted; they are listed in catalog/overlap-allow.yaml, and
// back-quoted code spans are skipped too.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

export const JA_WINDOW = 20;
export const EN_WINDOW = 12;
const HASH_HEX = 10; // 40 bits: with ~60k seed windows a false match is about 1 in 20 million per window
const BREAK = '\u0000';
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f\u3005\u30fc]/;

/**
 * Japanese units: whitespace removed (the guide wraps lines and spaces katakana words), NFKC so that
 * full-width and half-width forms compare equal; a Japanese character is one unit, a run of other
 * characters (an ASCII word, a number, a bracket) is one unit, lower-cased.
 */
export function japaneseUnits(text) {
  const units = [];
  let other = '';
  const flush = () => {
    if (other) units.push(other.toLowerCase());
    other = '';
  };
  for (const ch of text.normalize('NFKC')) {
    if (ch === BREAK) {
      flush();
      units.push(BREAK);
    } else if (/\s/.test(ch)) continue;
    else if (JAPANESE.test(ch)) {
      flush();
      units.push(ch);
    } else other += ch;
  }
  flush();
  return units;
}

/** English words: lower-cased runs of letters and digits; anything else separates them (a break stays). */
export function englishWords(text) {
  return text
    .normalize('NFKC')
    .split(BREAK)
    .flatMap((part, i) => [...(i ? [BREAK] : []), ...(part.toLowerCase().match(/[a-z0-9]+/g) ?? [])]);
}

const hash = (units) => createHash('sha256').update(units.join('\u0001')).digest('hex').slice(0, HASH_HEX);

/** Start index of every window of `size` units that holds at least one Japanese character (or any, for English). */
function windows(units, size, needJapanese) {
  const out = [];
  for (let i = 0; i + size <= units.length; i++) {
    const w = units.slice(i, i + size);
    if (w.includes(BREAK)) continue;
    if (needJapanese && w.filter((u) => JAPANESE.test(u)).length < size / 2) continue;
    out.push([i, hash(w)]);
  }
  return out;
}

/** The fingerprint of a seed text: sorted, de-duplicated window hashes. */
export function fingerprint(seedText) {
  const pack = (list) => [...new Set(list.map(([, h]) => h))].sort().join('');
  return {
    about:
      'Hashed windows of the CUCM 8.6(1) troubleshooting guide chapter (../shared/seed); no text of the guide. ' +
      'Written by scripts/seed-fingerprint.mjs, read by scripts/catalog-overlap.mjs.',
    seedSha256: createHash('sha256').update(seedText).digest('hex'),
    hashHex: HASH_HEX,
    ja: { window: JA_WINDOW, hashes: pack(windows(japaneseUnits(seedText), JA_WINDOW, true)) },
    en: { window: EN_WINDOW, hashes: pack(windows(englishWords(seedText), EN_WINDOW, false)) },
  };
}

/** The guide's text files: $CUCM_SEED_DIR, else shared/seed beside the clone (CI) or one level up (worktrees). */
export function seedFiles(root) {
  const dirs = [
    process.env.CUCM_SEED_DIR,
    join(root, '..', 'shared', 'seed'),
    join(root, '..', '..', 'shared', 'seed'),
  ];
  const dir = dirs.find((d) => d && existsSync(d));
  if (!dir) return [];
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function seedText(root) {
  const files = seedFiles(root);
  return files.length ? files.map((f) => readFileSync(f, 'utf8')).join('\n') : undefined;
}

/** The fingerprint to check against: the committed one, refreshed in memory when the seed is at hand and differs. */
function loadFingerprint(root, log) {
  const file = join(root, 'catalog/seed-fingerprint.json');
  const committed = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  const seed = seedText(root);
  if (seed !== undefined) {
    const sha = createHash('sha256').update(seed).digest('hex');
    if (committed?.seedSha256 === sha) return committed;
    log(
      `catalog: ${committed ? 'seed changed' : 'no seed fingerprint'}; run \`npm run seed-fingerprint\` and commit it`,
    );
    return fingerprint(seed);
  }
  if (!committed) log('catalog: own-words check skipped (no catalog/seed-fingerprint.json and no ../shared/seed)');
  return committed;
}

const hashSet = (packed, width) => {
  const set = new Set();
  for (let i = 0; i < packed.length; i += width) set.add(packed.slice(i, i + width));
  return set;
};

const jaNorm = (text) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const enNorm = (text) => ` ${englishWords(text).join(' ')} `;

/** Replaces every occurrence of `needle` in `hay` with a break that no window crosses. */
const cut = (hay, needle) => (needle.trim() && hay.includes(needle) ? hay.split(needle).join(` ${BREAK} `) : hay);

/** The text as Japanese units and as English words, without back-quoted code and allow-listed strings. */
function comparable(text, allow) {
  const raw = text.replace(/`[^`\n]{1,300}`/g, ` ${BREAK} `);
  let ja = jaNorm(raw);
  let en = enNorm(raw);
  for (const a of allow) {
    ja = cut(ja, jaNorm(a));
    en = cut(en, enNorm(a).trim());
  }
  return { units: japaneseUnits(ja), words: en.split(' ').filter(Boolean) };
}

/** Runs of consecutive matching windows, as [first unit, unit count]. */
function sharedRuns(units, size, set, needJapanese) {
  /** @type {Array<[number, number]>} */
  const runs = [];
  for (const [i, h] of windows(units, size, needJapanese)) {
    if (!set.has(h) || typeof i !== 'number') continue;
    const last = runs[runs.length - 1];
    if (last && i <= last[0] + last[1] - size + 1) last[1] = i + size - last[0];
    else runs.push([i, size]);
  }
  return runs;
}

/** Every `{path, text}` of the knowledge: entries (texts, CLI notes, samples), glossary, runbooks, topics. */
export function knowledgeTexts({ entries, glossary, runbooks, topics }) {
  const out = [];
  const walk = (path, v) => {
    if (typeof v === 'string') out.push({ path, text: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(`${path}[${i}]`, x));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v))
        if (!['match', 'pattern', 'id', 'alias'].includes(k)) walk(`${path}.${k}`, x);
  };
  for (const e of entries) walk(e.id, e);
  for (const t of glossary) walk(`glossary ${t.id}`, t);
  for (const r of runbooks) walk(`runbook ${r.id}`, r);
  for (const t of topics) walk(`topic ${t.key}`, t);
  return out;
}

/**
 * Problems (strings) for every text that shares a run with the seed. `log` receives notices (a skipped
 * check, a stale fingerprint). Pass `fingerprintData` to check against a fingerprint other than the repo's.
 */
/**
 * @param {string} root
 * @param {import('./catalog-overlap.mjs').Knowledge} knowledge
 * @param {{ log?: (message: string) => void, fingerprintData?: import('./catalog-overlap.mjs').SeedFingerprint }} [options]
 */
export function overlapProblems(root, knowledge, { log = console.log, fingerprintData } = {}) {
  const fp = fingerprintData ?? loadFingerprint(root, log);
  if (!fp) return [];
  const allowFile = join(root, 'catalog/overlap-allow.yaml');
  const allow = existsSync(allowFile) ? (YAML.parse(readFileSync(allowFile, 'utf8')) ?? []) : [];
  const notText = allow.filter((a) => typeof a !== 'string');
  if (notText.length)
    return [`catalog/overlap-allow.yaml: every item must be a string (quote it): ${JSON.stringify(notText)}`];
  const ja = hashSet(fp.ja.hashes, fp.hashHex);
  const en = hashSet(fp.en.hashes, fp.hashHex);
  const problems = [];
  for (const { path, text } of knowledgeTexts(knowledge)) {
    const { units, words } = comparable(text, allow);
    for (const [start, n] of sharedRuns(units, fp.ja.window, ja, true))
      problems.push(`${path}: ${n} characters taken from the guide: 「${units.slice(start, start + n).join('')}」`);
    for (const [start, n] of sharedRuns(words, fp.en.window, en, false))
      problems.push(`${path}: ${n} words taken from the guide: "${words.slice(start, start + n).join(' ')}"`);
  }
  return problems;
}

#!/usr/bin/env node
// @ts-check
// Single source of truth for the six CUCM Trace Lens TextMate grammars (the shipped syntaxes/*.json are generated).
//
//   node scripts/grammar/generate.mjs           write syntaxes/cucm-*.tmLanguage.json
//   node scripts/grammar/generate.mjs --check   exit 1 if the committed JSON differs
//
// The grammars cannot include each other reliably, so shared rules are defined once
// (blocks.mjs, common.mjs, sip.mjs), the rules of each format in its own module (sdl.mjs,
// mivr-jtapi.mjs, syslog.mjs, eventlog.mjs, cli.mjs), and this file copies into the
// `repository` of every grammar the rules it reaches.
//
// Scope policy: every named scope is "<standard TextMate scope>.<detail>.cucm". The
// standard prefix is one that VS Code's default themes (Dark+/Light+ and the Modern
// variants that inherit them) really colour; `meta.*`, `punctuation.*` and
// `keyword.operator.*` are used only where no colour is wanted.
//
// Performance policy: lines can be 100k+ characters. Every regex is written so that
// one search is linear in the line length: no nested unbounded quantifiers that can
// re-partition the same text, possessive quantifiers (`*+`, `++`) wherever the next
// token cannot start with what the loop consumes, and look-behind guards so that a
// pattern which walks a run of characters (dotted names, hyphenated words) can only
// start at the beginning of that run, and no capture-level `patterns` in rules that can repeat
// along a line (see seq()). test/grammar/linear.test.mjs checks this on a 200,000-character
// realistic line, a 20,000-line file and 100,000-character adversarial lines.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { incs } from './blocks.mjs';
import { R, SYSLOG_FACILITY, LEVEL_WORD_RULES, LEVEL_GLUED_RULES, INLINE_CORE, INLINE_JAVA } from './common.mjs';
import { SIP_FIRST_LINES } from './sip.mjs';
import { HTTP } from './syslog.mjs';
import { EV_TYPES } from './eventlog.mjs';
import './sdl.mjs'; // adds its rules to the shared repository
import './mivr-jtapi.mjs'; // adds its rules to the shared repository
import './cli.mjs'; // adds its rules to the shared repository

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(ROOT, 'syntaxes');

// ---------------------------------------------------------------------------
// The six grammars
// ---------------------------------------------------------------------------

const LANGS = [
  {
    id: 'cucm-sdl',
    scopeName: 'text.cucm.sdl',
    title: 'CUCM SDL/SDI Trace',
    patterns: incs(
      'sdl-sdlsig',
      'sdl-prefix',
      'sdl-win-prefix',
      'sdl-net-message',
      SIP_FIRST_LINES,
      'sdl-filehead',
      'sdl-component',
      'sdl-trace-flags',
      'process-id',
      INLINE_JAVA,
    ),
  },
  {
    id: 'cucm-mivr',
    scopeName: 'text.cucm.mivr',
    title: 'UCCX Engine Log (MIVR)',
    patterns: incs('record-seq', 'object-dump', 'mivr-phrases', 'stack-frame', 'caused-by', INLINE_JAVA),
  },
  {
    id: 'cucm-jtapi',
    scopeName: 'text.cucm.jtapi',
    title: 'Cisco JTAPI Client Log',
    patterns: incs(
      'record-seq',
      'jtapi-provider',
      'jtapi-thread',
      'jtapi-direction',
      'object-dump',
      'dump-failure',
      'dump-field',
      'mivr-phrases',
      'stack-frame',
      'caused-by',
      INLINE_JAVA,
    ),
  },
  {
    id: 'cucm-syslog',
    scopeName: 'text.cucm.syslog',
    title: 'Cisco Syslog',
    patterns: incs(
      'syslog-pri',
      'w3c-directive',
      SYSLOG_FACILITY,
      'syslog-host',
      'ciscolog-seq-host',
      'ciscolog-accuracy',
      'log4j-thread',
      HTTP,
      LEVEL_WORD_RULES,
      LEVEL_GLUED_RULES,
      'rtmt-alert-name',
      'stack-frame',
      'caused-by',
      INLINE_JAVA,
    ),
  },
  {
    id: 'cucm-eventlog',
    scopeName: 'text.cucm.eventlog',
    title: 'Windows Event Log (CUCM)',
    patterns: incs(
      EV_TYPES,
      'event-source',
      'event-computer',
      'event-label',
      SYSLOG_FACILITY,
      'ciscolog-seq-host',
      'scm-phrases',
      'service-name',
      'placeholder',
      INLINE_CORE,
    ),
  },
  {
    id: 'cucm-cli',
    scopeName: 'text.cucm.cli',
    title: 'CUCM CLI Output',
    patterns: incs(
      'cli-prompt',
      'cli-pagination',
      'cli-table-rule',
      'cli-health',
      'cli-replicate-state',
      'cli-perf-counter',
      'cli-fields',
      'cli-service-state',
      'cli-yyy',
      'cli-runtimestate-host',
      'cli-label',
      'cli-status-words',
      SYSLOG_FACILITY,
      LEVEL_WORD_RULES,
      'stack-frame',
      'caused-by',
      INLINE_JAVA,
    ),
  },
];

// ---------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------

/** Collect the repository entries reachable from `patterns`, failing on dangling includes. */
function reachable(patterns) {
  const seen = new Set();
  const walk = (rule) => {
    if (!rule || typeof rule !== 'object') return;
    if (rule.include) {
      const name = rule.include.slice(1);
      if (!rule.include.startsWith('#') || !(name in R)) throw new Error(`unknown include ${rule.include}`);
      if (seen.has(name)) return;
      seen.add(name);
      walk(R[name]);
      return;
    }
    for (const p of rule.patterns ?? []) walk(p);
    for (const key of ['captures', 'beginCaptures', 'endCaptures']) {
      for (const c of Object.values(rule[key] ?? {})) walk(c);
    }
  };
  patterns.forEach(walk);
  return [...seen].sort();
}

export function buildGrammars() {
  const out = {};
  for (const lang of LANGS) {
    const repository = {};
    for (const name of reachable(lang.patterns)) repository[name] = R[name];
    out[lang.id] = {
      $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
      name: lang.title,
      scopeName: lang.scopeName,
      comment:
        'GENERATED by scripts/grammar/generate.mjs from the modules next to it - edit those, then run it. Do not edit by hand.',
      patterns: lang.patterns,
      repository,
    };
  }
  return out;
}

export const grammarFiles = () =>
  LANGS.map((l) => ({ id: l.id, scopeName: l.scopeName, file: path.join(OUT_DIR, `${l.id}.tmLanguage.json`) }));

function main() {
  const check = process.argv.includes('--check');
  const grammars = buildGrammars();
  let stale = 0;
  for (const { id, file } of grammarFiles()) {
    const text = JSON.stringify(grammars[id], null, 2) + '\n';
    const rel = path.relative(ROOT, file);
    if (check) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      if (current !== text) {
        stale++;
        console.error(`STALE ${rel}: differs from what scripts/grammar/generate.mjs generates`);
      } else {
        console.log(`ok    ${rel}`);
      }
    } else {
      fs.writeFileSync(file, text);
      console.log(`wrote ${rel}`);
    }
  }
  if (check && stale) {
    console.error(`${stale} grammar file(s) are stale: run "node scripts/grammar/generate.mjs" and commit the result.`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

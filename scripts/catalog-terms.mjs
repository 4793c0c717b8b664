// Japanese consistency checks of the catalog build: one term per concept (catalog/terminology.yaml, the
// table in catalog/README.md), one colon style in messages (full-width "：" after Japanese, never ": "),
// and noun-phrase titles (a Japanese entry title does not end in kana of a verb or adjective).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

/** Every Japanese text with a path: the `ja` side of entries, CLI notes, glossary terms, runbooks, topics. */
function japaneseTexts({ entries, glossary, runbooks, topics }) {
  const out = [];
  const walk = (path, v, isJa) => {
    if (typeof v === 'string') {
      if (isJa) out.push({ path, text: v });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(`${path}[${i}]`, x, isJa));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (k !== 'samples') walk(`${path}.${k}`, x, isJa || k === 'ja');
  };
  for (const e of entries) walk(e.id, e, false);
  for (const t of glossary) walk(`glossary ${t.id}`, t, false);
  for (const r of runbooks) walk(`runbook ${r.id}`, r, false);
  for (const t of topics) walk(`topic ${t.key}`, t, false);
  return out;
}

/** The title without a trailing bracketed note such as （コード 5）. */
const titleCore = (title) => title.replace(/\s*[（(][^（）()]{0,80}[）)]\s*$/, '');

export function termProblems(root, knowledge) {
  const file = join(root, 'catalog/terminology.yaml');
  const terms = existsSync(file) ? (YAML.parse(readFileSync(file, 'utf8')) ?? []) : [];
  const problems = [];
  for (const { path, text } of japaneseTexts(knowledge)) {
    for (const t of terms)
      for (const avoid of t.avoid)
        if (text.includes(avoid))
          problems.push(
            `${path}: 「${avoid}」 is not used; write 「${t.use}」 (${t.concept}, catalog/terminology.yaml)`,
          );
  }
  for (const e of knowledge.entries) {
    if (/: /.test(e.ja.message)) problems.push(`${e.id}.ja.message: write the colon as 「：」 without a space`);
    // Predicates end in た/る/う/く/い/だ/ない/ます/です; nouns such as 誤り, 期限切れ, 繰り返し do not.
    if (/(?:[たるうくいだ]|ない|ます|です)$/.test(titleCore(e.ja.title)))
      problems.push(`${e.id}.ja.title: make it a noun phrase (it ends in 「${e.ja.title.slice(-3)}」)`);
  }
  return problems;
}

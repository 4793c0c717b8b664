// The served VS Code's User/settings.json for `npm start`, which the user edits and keeps: each key we need is
// written once (recorded in a marker beside the file), inserted as text after the opening brace so the
// user's comments and layout stay; keys the user set (or removed after we wrote them) are never touched.
import fs from 'node:fs';
import path from 'node:path';

const MARKER = '.cucm-trace-lens-start-keys.json';

/**
 * settings.json is JSON with comments and trailing commas (JSONC). Returns the parsed object and the offset
 * just after its opening `{`, or null when the text is not a JSONC object. One linear pass.
 */
export function parseJsonc(text) {
  let out = '';
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
    } else {
      if (c === '{' && open < 0) open = i + 1;
      out += c;
    }
  }
  // trailing commas before } or ]: outside strings only, so work on a copy with strings blanked
  const blanked = out.replace(/"(?:[^"\\]|\\.)*"/g, (s) => '"' + ' '.repeat(s.length - 2) + '"');
  let json = '';
  for (let i = 0; i < out.length; i++) {
    if (blanked[i] === ',') {
      let j = i + 1;
      while (j < blanked.length && /\s/.test(blanked[j])) j++;
      if (blanked[j] === '}' || blanked[j] === ']') continue;
    }
    json += out[i];
  }
  try {
    const value = json.trim() === '' ? {} : JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    return { value, open };
  } catch {
    return null;
  }
}

/**
 * Adds to <userDataDir>/User/settings.json each key of `wanted` that was never written before and is not set.
 * @returns {{written: string[], skipped?: string}} the keys written; `skipped` says why the file was left alone
 */
export function mergeSettingsOnce(userDataDir, wanted) {
  const dir = path.join(userDataDir, 'User');
  const file = path.join(dir, 'settings.json');
  const markerFile = path.join(dir, MARKER);
  fs.mkdirSync(dir, { recursive: true });
  let done = [];
  try {
    done = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
  } catch {
    /* first run */
  }
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const parsed = text.trim() === '' ? { value: {}, open: -1 } : parseJsonc(text);
  if (!parsed) return { written: [], skipped: `${file} is not a JSON object; left as it is` };
  const keys = Object.keys(wanted).filter((k) => !done.includes(k) && !(k in parsed.value));
  if (keys.length) {
    const entries = keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(wanted[k])}`);
    if (parsed.open < 0) {
      fs.writeFileSync(file, `{\n${entries.join(',\n')}\n}\n`);
    } else {
      const hasMembers = Object.keys(parsed.value).length > 0;
      const insert = `\n${entries.join(',\n')}${hasMembers ? ',' : ''}`;
      fs.writeFileSync(file, text.slice(0, parsed.open) + insert + text.slice(parsed.open));
    }
  }
  fs.writeFileSync(markerFile, JSON.stringify([...new Set([...done, ...Object.keys(wanted)])]));
  return { written: keys };
}

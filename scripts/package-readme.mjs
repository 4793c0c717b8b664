#!/usr/bin/env node
// The README that goes into the VSIX (vsce --readme-path). VS Code's extension details page renders the
// packaged README in a webview without a base URL whose policy allows only `https:` and `data:` images:
// a relative `images/x.png` never loads there, and an https URL needs the network. So the images README.md
// shows by relative link are inlined as data: URIs here; README.md itself keeps its relative links (GitHub).
//
//   node scripts/package-readme.mjs [OUT]      (default out/package/README.md)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/** README text with each relative image (`![alt](images/x.png)`) replaced by a data: URI of the file. */
export function inlineImages(markdown, baseDir) {
  // bounded: alt text and target of one image, no nesting
  return markdown.replace(/!\[([^\]\n]{0,300})\]\(([^)\s]{1,300})\)/g, (whole, alt, src) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return whole; // https:, data:…: left as written
    const mime = MIME[path.extname(src).toLowerCase()];
    if (!mime) throw new Error(`README image ${src}: only PNG, JPEG and GIF can be inlined`);
    const file = path.resolve(baseDir, src);
    if (!fs.existsSync(file)) throw new Error(`README image ${src} does not exist`);
    return `![${alt}](data:${mime};base64,${fs.readFileSync(file).toString('base64')})`;
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'out', 'package', 'README.md'));
  try {
    const text = inlineImages(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), root);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
    console.log(`packaged README: ${path.relative(root, out)} (${(text.length / 1024).toFixed(0)} KB, images inlined)`);
  } catch (e) {
    console.error(`package-readme: ${e.message}`);
    process.exit(1);
  }
}

// Every sample file, opened in the built language server over stdio as an editor would open it (decoded text,
// detected language), is published with exactly the diagnostics samples/EXPECTED.yaml states: ids and lines.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeBytes, detectFormat } from '../../engine/src/index';
import { compareFindings, readExpectations, sampleFiles } from '../sample-expectations.mjs';
import { TestClient } from './lsp-client';

const samplesDir = path.resolve(__dirname, '../../../samples');
const { expectations } = readExpectations(samplesDir);

describe('sample files give the expected diagnostics (language server over stdio)', () => {
  const client = new TestClient();
  before(() => client.initialize('en-US'));
  after(() => client.close());

  for (const rel of sampleFiles(samplesDir)) {
    it(rel, async () => {
      const expected = expectations.get(rel);
      assert.ok(expected, `no entry for ${rel} in samples/EXPECTED.yaml`);
      const file = path.join(samplesDir, rel);
      const { text } = decodeBytes(fs.readFileSync(file));
      assert.ok(text !== undefined, 'sample must be text');
      const uri = pathToFileURL(file).toString();
      const { diagnostics } = await client.open(uri, text, detectFormat(text) ?? 'plaintext');
      await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const found = diagnostics.map((d) => ({ id: String(d.code), line: d.range.start.line + 1 }));
      assert.deepEqual(compareFindings(expected, found), []);
    });
  }
});

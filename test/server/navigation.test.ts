// Navigation over LSP (stdio): folding, outline, workspace symbols, summary code lens, go to time,
// and analysis of files read from disk.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { TestClient } from './lsp-client';

const root = path.resolve(__dirname, '../../..');
const SDL = fs.readFileSync(path.join(root, 'samples/cucm/SDL001_100_000124.txt'), 'utf8');
const BAD_LOGIN =
  '1042: Mar 23 10:05:35.271 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- bad login or password.';
const REFUSED =
  '512: Mar 23 10:06:27.842 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- Connection refused';
const MIVR = [
  '1040: Mar 23 10:05:35.100 IST %MIVR-SS_TEL-7-UNK:Creating JTAPI provider 10.1.1.10',
  BAD_LOGIN,
  '1043: Mar 23 10:05:35.274 IST %MIVR-SS_TEL-7-EXCEPTION:com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- bad login or password.',
  '\tat com.cisco.jtapi.CiscoJtapiPeerImpl.getProvider(CiscoJtapiPeerImpl.java:612)',
  '\tat com.cisco.wf.subsystems.jtapi.TAPIPortGroup.init(TAPIPortGroup.java:298)',
  REFUSED,
].join('\n');

interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: { start: { line: number }; end: { line: number } };
  children?: DocumentSymbol[];
}
interface SymbolInformation {
  name: string;
  kind: number;
  containerName?: string;
  location: { uri: string; range: { start: { line: number } } };
}

const capabilities = (extra: Record<string, unknown> = {}) => ({
  capabilities: {
    workspace: { configuration: true },
    textDocument: {
      publishDiagnostics: { relatedInformation: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      ...extra,
    },
  },
});

describe('navigation over stdio (English client)', () => {
  const client = new TestClient();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cucm-nav-'));
  let init: { capabilities: Record<string, unknown> };
  before(async () => {
    init = (await client.initialize(
      'en-US',
      capabilities({ foldingRange: { rangeLimit: 2, lineFoldingOnly: true } }),
    )) as {
      capabilities: Record<string, unknown>;
    };
  });
  after(async () => {
    await client.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('advertises folding, document and workspace symbols and code lenses', () => {
    assert.equal(init.capabilities.foldingRangeProvider, true);
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.equal(init.capabilities.workspaceSymbolProvider, true);
    assert.deepEqual(init.capabilities.codeLensProvider, { resolveProvider: false });
  });

  it('folds multi-line records, keeping the first rangeLimit ranges', async () => {
    const uri = 'file:///logs/SDL001_100_000124.txt';
    await client.open(uri, SDL, 'cucm-sdl');
    const ranges = (await client.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as Array<{
      startLine: number;
      endLine: number;
    }>;
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine]),
      [
        [4, 29],
        [33, 43],
      ],
    );
  });

  it('outlines a trace: a header, then the findings (ID title, message)', async () => {
    const uri = 'file:///logs/Cisco001MIVR001.log';
    // Ask at once: the outline waits for the analysis of this version.
    void client.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'cucm-mivr', version: 1, text: MIVR },
    });
    const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((c) => [c.name.split(' ')[0], c.range.start.line, c.kind]),
      [
        ['UCCX', 0, 1 /* File */],
        ['JTAPI001', 1, 24 /* Event */],
        ['JTAPI002', 5, 24],
      ],
    );
    assert.equal(symbols[0].name, 'UCCX Engine Log (MIVR)');
    assert.equal(symbols[0].detail, 'Mar 23 10:05:35.100 – Mar 23 10:06:27.842');
    assert.match(symbols[1].name, /^JTAPI001 \S/);
    assert.match(symbols[1].detail!, /user name or password/);

    // An SDL trace: the FileHead header spans the file and holds its findings.
    const sdlUri = 'file:///logs/SDL001_100_000125.txt';
    await client.open(sdlUri, `${SDL}${REFUSED}\n`, 'cucm-sdl');
    const sdl = (await client.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: sdlUri },
    })) as DocumentSymbol[];
    assert.equal(sdl.length, 1);
    assert.equal(sdl[0].name, 'CCM · cucmpub');
    assert.match(
      sdl[0].detail!,
      /^2026\/02\/02 · UTC-05:00 · node 1 · 14\.0\.1\.13900-155 · 23:58:00\.004 – 00:02:00\.210$/,
    );
    assert.deepEqual(
      sdl[0].children!.map((c) => [c.name.split(' ')[0], c.range.start.line]),
      [['JTAPI002', 52]],
    );
  });

  it('outlines a CLI capture by command and an event log by event', async () => {
    const cli = 'file:///logs/perf.cli.txt';
    await client.open(
      cli,
      'admin:show perf query class "Number of Replicates Created and State of Replication"\nReplicateCount  -> Replicate_State                = 3\n\nadmin:show myself\nMachine Name    : cucmpub\n',
      'cucm-cli',
    );
    const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: cli },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.range.start.line, s.range.end.line]),
      [
        ['show perf query class "Number of Replicates Created and State of Replication"', 12, 0, 1],
        ['show myself', 12, 3, 4],
      ],
    );
    assert.ok(symbols[0].children!.length >= 1, 'the Replicate_State = 3 finding sits in its command');

    const evt = 'file:///logs/CCM1-System.evt.txt';
    await client.open(
      evt,
      'Event Type:\tError\r\nEvent Source:\tService Control Manager\r\nEvent ID:\t7031\r\nDescription:\r\nThe Cisco CallManager service terminated unexpectedly.  It has done this 1 time(s).\r\n',
      'cucm-eventlog',
    );
    const events = (await client.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: evt },
    })) as DocumentSymbol[];
    assert.equal(events[0].name, '7031 · Service Control Manager · Error');
  });

  it('finds findings of every analyzed file by id, alias and title (workspace symbols)', async () => {
    await client.open('file:///logs/other/Cisco001MIVR002.log', `${REFUSED}\n`, 'cucm-mivr');
    const search = async (query: string) =>
      (await client.conn.sendRequest('workspace/symbol', { query })) as SymbolInformation[];
    const byId = await search('JTAPI002');
    assert.deepEqual(byId.map((s) => s.location.uri).sort(), [
      'file:///logs/Cisco001MIVR001.log',
      'file:///logs/SDL001_100_000125.txt',
      'file:///logs/other/Cisco001MIVR002.log',
    ]);
    assert.match(byId[0].name, /^JTAPI002 .* \(jtapi-provider-connection-refused\)$/);
    assert.match(byId[0].containerName!, /^(?:Cisco001MIVR00\d\.log|SDL001_100_000125\.txt):\d+$/);
    const byAlias = await search('provider-bad-login');
    assert.deepEqual(
      byAlias.map((s) => [s.location.uri, s.location.range.start.line]),
      [['file:///logs/Cisco001MIVR001.log', 1]],
    );
    const title = byAlias[0].name.replace(/^JTAPI001 /, '').replace(/ \(.*\)$/, '');
    assert.equal((await search(title.toUpperCase())).length, 1, 'case-insensitive title search');
    assert.ok((await search('')).length >= 4);
    assert.deepEqual(await search('no such finding anywhere'), []);
  });

  it('puts a summary code lens on line 0 that lists the findings', async () => {
    const lenses = (await client.conn.sendRequest('textDocument/codeLens', {
      textDocument: { uri: 'file:///logs/Cisco001MIVR001.log' },
    })) as Array<{ range: { start: { line: number } }; command: { title: string; command: string } }>;
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, 0);
    assert.equal(lenses[0].command.command, 'cucmTraceLens.listFindings');
    // The counts are those of the published diagnostics (severities are the catalog's).
    const diags = client.published.filter((p) => p.uri === 'file:///logs/Cisco001MIVR001.log').pop()!.diagnostics;
    const n = (sev: number) => diags.filter((d) => d.severity === sev).length;
    const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
    assert.equal(n(1) + n(2), 2);
    assert.equal(n(3) + n(4), 0, 'this sample has no info or hint findings, so the title names none');
    assert.equal(lenses[0].command.title, `${plural(n(1), 'error')}, ${plural(n(2), 'warning')} — list them`);
    const healthy = (await client.conn.sendRequest('textDocument/codeLens', {
      textDocument: { uri: 'file:///logs/SDL001_100_000124.txt' },
    })) as Array<{ command: { title: string } }>;
    assert.equal(healthy[0].command.title, '0 errors, 0 warnings — list them');
  });

  it('goes to the first record at or after a time (GoToTimeRequest)', async () => {
    const uri = 'file:///logs/SDL001_100_000124.txt';
    assert.deepEqual(await client.conn.sendRequest('cucmTraceLens/goToTime', { uri, query: '00:00' }), {
      line: 33,
      time: '2026/02/03 00:00:00.107',
    });
    assert.deepEqual(await client.conn.sendRequest('cucmTraceLens/goToTime', { uri, query: '04:59:59 UTC' }), {
      line: 32,
      time: '2026/02/02 23:59:59.412',
    });
    const bad = (await client.conn.sendRequest('cucmTraceLens/goToTime', { uri, query: 'noon' })) as {
      error: { en: string; ja: string };
    };
    assert.match(bad.error.en, /HH:MM/);
    assert.match(bad.error.ja, /形式/);
    const closed = (await client.conn.sendRequest('cucmTraceLens/goToTime', {
      uri: 'file:///nowhere.txt',
      query: '10:00',
    })) as { error: { en: string } };
    assert.match(closed.error.en, /not open/);
  });

  it('reads a file from disk (plain and .gz), analyzes it and publishes its diagnostics', async () => {
    const text = ['1040: Mar 23 10:05:35.100 IST %MIVR-SS_TEL-7-UNK:start', BAD_LOGIN, '', REFUSED, ''].join('\n');
    const file = path.join(tmp, 'Cisco001MIVR009.log');
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const published = client.diagnostics(uri);
    const summary = (await client.conn.sendRequest('cucmTraceLens/analyzeFile', { uri })) as Record<string, unknown>;
    const diagnostics = (await published).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['JTAPI001', 1],
        ['JTAPI002', 3],
      ],
    );
    assert.equal(summary.uri, uri);
    assert.equal(summary.bytes, Buffer.byteLength(text));
    assert.equal(summary.gzip, false);
    assert.equal(summary.lines, 5);
    assert.equal(summary.encoding, 'utf-8');
    assert.equal(summary.format, 'cucm-mivr');
    const counts = summary.counts as Record<string, number>;
    assert.equal(counts.error + counts.warning + counts.information + counts.hint, 2);
    assert.equal(counts.error, diagnostics.filter((d) => d.severity === 1).length);
    assert.equal(summary.published, true);
    assert.equal((summary.findings as unknown[]).length, 2);

    // The disk file's findings join the workspace symbols.
    const symbols = (await client.conn.sendRequest('workspace/symbol', { query: 'JTAPI001' })) as SymbolInformation[];
    assert.ok(symbols.some((s) => s.location.uri === uri));

    const gz = path.join(tmp, 'Cisco001MIVR010.log.gz');
    fs.writeFileSync(gz, gzipSync(Buffer.from(text)));
    const gzUri = pathToFileURL(gz).toString();
    const gzPublished = client.diagnostics(gzUri);
    const gzSummary = (await client.conn.sendRequest('cucmTraceLens/analyzeFile', { uri: gzUri })) as Record<
      string,
      unknown
    >;
    assert.equal((await gzPublished).diagnostics.length, 2);
    assert.equal(gzSummary.gzip, true);
    assert.equal(gzSummary.textBytes, Buffer.byteLength(text));
    assert.ok((gzSummary.bytes as number) < (gzSummary.textBytes as number));
  });

  it('refuses binary, missing and non-file resources with a message in both languages', async () => {
    const bin = path.join(tmp, 'core.bin');
    fs.writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    const ask = async (uri: string) =>
      (await client.conn.sendRequest('cucmTraceLens/analyzeFile', { uri })) as { error: { en: string; ja: string } };
    const binary = await ask(pathToFileURL(bin).toString());
    assert.match(binary.error.en, /binary/);
    assert.match(binary.error.ja, /バイナリ/);
    const missing = await ask(pathToFileURL(path.join(tmp, 'missing.txt')).toString());
    assert.match(missing.error.en, /Could not read the file/);
    const untitled = await ask('untitled:Untitled-1');
    assert.match(untitled.error.en, /file: URIs/);
    const notGzip = path.join(tmp, 'broken.txt.gz');
    fs.writeFileSync(notGzip, 'not gzip');
    assert.match((await ask(pathToFileURL(notGzip).toString())).error.en, /Could not read the file/);
  });

  it('keeps the live diagnostics of an open document (nothing published for it)', async () => {
    const file = path.join(tmp, 'open.log');
    fs.writeFileSync(file, `${REFUSED}\n`);
    const uri = pathToFileURL(file).toString();
    await client.open(uri, `${BAD_LOGIN}\n`, 'cucm-mivr');
    const before = client.published.length;
    const summary = (await client.conn.sendRequest('cucmTraceLens/analyzeFile', { uri })) as Record<string, unknown>;
    assert.equal(summary.published, false);
    assert.equal(client.published.length, before);
  });
});

describe('navigation over stdio (Japanese client, flat symbols)', () => {
  const client = new TestClient();
  before(async () => {
    await client.initialize('ja', {
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    });
  });
  after(() => client.close());

  it('localizes the code lens and returns SymbolInformation when hierarchy is not supported', async () => {
    const sdlUri = 'file:///logs/SDL001_100_000125.txt';
    await client.open(sdlUri, `${SDL}${REFUSED}\n`, 'cucm-sdl');
    const flat = (await client.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: sdlUri },
    })) as SymbolInformation[];
    assert.deepEqual(
      flat.map((s) => [s.name.split(' ')[0], s.containerName ?? null]),
      [
        ['CCM', null],
        ['JTAPI002', 'CCM · cucmpub'],
      ],
    );

    const uri = 'file:///logs/Cisco001MIVR001.log';
    await client.open(uri, MIVR, 'cucm-mivr');
    const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as Array<{
      command: { title: string };
    }>;
    assert.match(lenses[0].command.title, /^エラー \d 件、警告 \d 件 — 一覧を表示$/);
    const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as SymbolInformation[];
    assert.deepEqual(
      symbols.map((s) => [s.name.split(' ')[0], s.containerName ?? null, s.location.range.start.line]),
      [
        ['UCCX', null, 0],
        ['JTAPI001', null, 1],
        ['JTAPI002', null, 5],
      ],
    );
    const folds = (await client.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as unknown[];
    assert.equal(folds.length, 1, 'no rangeLimit: every range (the EXCEPTION record with its stack)');
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from './lsp-client';

const MIVR = [
  '1040: Mar 23 10:05:35.100 IST %MIVR-SS_TEL-7-UNK:Creating JTAPI provider 10.1.1.10',
  '1042: Mar 23 10:05:35.271 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- bad login or password.',
  '1043: Mar 23 10:05:35.274 IST %MIVR-SS_TEL-7-EXCEPTION:com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- bad login or password.',
  '1683: Mar 24 11:27:51.716 PST',
  '%MIVR-SS_TEL-3-UNABLE_REGISTER_CTIPORT:',
  'Unable to register CTI Port: CTI Port=4503,',
  'Exception=com.cisco.jtapi.InvalidArgumentExceptionImpl:',
  "Address 4503 is not in provider's domain.",
  '1684: Mar 24 11:27:51.716 PST%MIVR-SS_TEL-7-EXCEPTION:',
  'com.cisco.jtapi.InvalidArgumentExceptionImpl:',
  "Address 4503 is not in provider's domain.",
].join('\r\n');

describe('language server over stdio (English client)', () => {
  const client = new TestClient();
  before(async () => {
    const init = (await client.initialize('en-US')) as { capabilities: Record<string, unknown> };
    assert.deepEqual(init.capabilities.textDocumentSync, { openClose: true, change: 2 });
  });
  after(() => client.close());

  it('publishes one diagnostic per event, with source, code, reference link and related twin', async () => {
    const { diagnostics } = await client.open('file:///logs/Cisco001MIVR001.log', MIVR);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.end.line]),
      [
        ['JTAPI001', 1, 1, 1],
        ['JTAPI008', 2, 3, 7],
      ],
    );
    const [login, port] = diagnostics;
    assert.equal(login.source, 'CUCM Trace Lens');
    assert.match(login.message, /user name or password/);
    assert.doesNotMatch(login.message, /\n/);
    assert.match(login.codeDescription!.href, /^file:\/\/.*docs\/reference\/JTAPI001\.md$/);
    assert.equal(login.relatedInformation!.length, 1);
    assert.match(port.message, /CTI port 4503/);
  });

  it('explains a finding on hover, in English, and nothing elsewhere', async () => {
    const hover = (await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///logs/Cisco001MIVR001.log' },
      position: { line: 5, character: 10 },
    })) as { contents: { kind: string; value: string } };
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /not in the JTAPI provider's domain/);
    assert.match(hover.contents.value, /What to do/);
    assert.match(hover.contents.value, /port = `4503`/);
    const none = await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///logs/Cisco001MIVR001.log' },
      position: { line: 0, character: 5 },
    });
    assert.equal(none, null);
  });

  it('explains CLI values on hover where there is no finding (glossary)', async () => {
    const uri = 'file:///logs/perf.cli.txt';
    await client.open(
      uri,
      'admin:show perf query class "Number of Replicates Created and State of Replication"\nReplicateCount  -> Replicate_State                = 2\n',
      'cucm-cli',
    );
    const hover = (await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 22 },
    })) as { contents: { value: string }; range: { start: { character: number } } };
    assert.match(hover.contents.value, /Replication is good/);
    assert.equal(hover.range.start.character, 19);
  });

  it('offers quick fixes: reference, copy and type CLI commands, all occurrences', async () => {
    const uri = 'file:///logs/two.log';
    const line =
      '512: Apr 08 10:14:27.842 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- Connection refused';
    const { diagnostics } = await client.open(uri, `${line}\n\n${line}\n`);
    assert.equal(diagnostics.length, 2);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    })) as Array<{ title: string; kind: string; command: { command: string; arguments: unknown[] } }>;
    const byCommand = (c: string) => actions.filter((a) => a.command.command === c);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    assert.deepEqual(byCommand('cucmTraceLens.openReference')[0].command.arguments, ['JTAPI002']);
    assert.deepEqual(
      byCommand('cucmTraceLens.copyCommand').map((a) => a.command.arguments[0]),
      ['utils service list', 'utils service start Cisco CTIManager'],
    );
    assert.equal(byCommand('cucmTraceLens.sendToTerminal').length, 2);
    assert.match(byCommand('cucmTraceLens.sendToTerminal')[0].title, /not run/);
    const occ = byCommand('cucmTraceLens.showOccurrences')[0];
    assert.equal((occ.command.arguments[2] as unknown[]).length, 2);
  });

  it('follows incremental edits', async () => {
    const uri = 'file:///logs/edit.log';
    await client.open(uri, 'nothing to see\n', 'plaintext');
    const wait = client.diagnostics(uri, 2);
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        {
          range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
          text: '64: May 30 02:11:45.010 JST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- null\n',
        },
      ],
    });
    const { diagnostics } = await wait;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['JTAPI006', 1]],
    );
  });

  it('analyzes any language id and clears diagnostics on close', async () => {
    const uri = 'untitled:Untitled-1';
    const { diagnostics } = await client.open(uri, MIVR, 'plaintext');
    assert.equal(diagnostics.length, 2);
    const cleared = client.diagnostics(uri);
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('says when a file was decoded with the wrong encoding and offers to reopen it', async () => {
    const uri = 'file:///logs/sjis-as-utf8.evt.txt';
    const { diagnostics } = await client.open(
      uri,
      'Event Type:\tError\r\n' + '\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\r\n'.repeat(10),
      'cucm-eventlog',
    );
    assert.equal(diagnostics[0].code, 'encoding');
    assert.match(diagnostics[0].message, /Shift-JIS/);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    })) as Array<{ command: { command: string } }>;
    assert.equal(actions[0].command.command, 'workbench.action.editor.changeEncoding');
  });

  it('survives hostile input and keeps serving', async () => {
    const junk = '\u0000\uFFFD'.repeat(1000) + 'x'.repeat(3_000_000) + '\r\r\n\n%MIVR-' + '\uD800';
    const { diagnostics } = await client.open('file:///logs/junk.bin', junk, 'cucm-sdl');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['encoding'],
      'only the note that the text is undecodable',
    );
    const again = await client.open('file:///logs/after-junk.log', MIVR);
    assert.equal(again.diagnostics.length, 2);
  });
});

describe('language server (Japanese client)', () => {
  const client = new TestClient();
  before(() => client.initialize('ja'));
  after(() => client.close());

  it('writes messages, hovers and quick-fix titles in Japanese', async () => {
    const uri = 'file:///logs/ja.log';
    const { diagnostics } = await client.open(uri, MIVR);
    assert.match(diagnostics[0].message, /JTAPI サブシステムがプロバイダーを開けません/);
    assert.match(diagnostics[1].message, /CTI ポート 4503 を登録できません/);
    const hover = (await client.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 40 },
    })) as { contents: { value: string } };
    assert.match(hover.contents.value, /推奨する対処/);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    })) as Array<{ title: string }>;
    assert.ok(actions.some((a) => a.title.includes('リファレンスを開く')));
  });
});

describe('language server settings', () => {
  it('caps diagnostics per file and adds one summary (workspace/configuration)', async () => {
    const client = new TestClient({ maxDiagnostics: 3 });
    await client.initialize('en');
    const line =
      '512: Apr 08 10:14:27.842 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- Connection refused';
    const { diagnostics } = await client.open('file:///logs/many.log', Array(10).fill(line).join('\n\n'));
    assert.equal(diagnostics.length, 4);
    assert.equal(diagnostics[3].code, 'summary');
    assert.match(diagnostics[3].message, /first 3 of 10/);
    await client.close();
  });

  it('lets initializationOptions choose the language over the locale', async () => {
    const client = new TestClient();
    await client.initialize('en', { initializationOptions: { language: 'ja' } });
    const { diagnostics } = await client.open('file:///logs/x.log', MIVR);
    assert.match(diagnostics[0].message, /プロバイダー/);
    await client.close();
  });

  it('serves a client without workspace/configuration support using defaults', async () => {
    const client = new TestClient();
    await client.conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await client.conn.sendNotification('initialized', {});
    const { diagnostics } = await client.open('file:///logs/plain.log', MIVR);
    assert.equal(diagnostics.length, 2);
    assert.equal(diagnostics[0].relatedInformation, undefined);
    await client.close();
  });
});

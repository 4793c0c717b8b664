#!/usr/bin/env node
// @ts-check
// Benchmark: makes large realistic traces (10 MB and 45 MB by default), then prints, for each, the engine's
// time and peak memory, the language server's time to diagnostics over stdio, and ripgrep on the same file
// with the same first-pass search (every trigger word of the catalog). Figures only; no assertions.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.bench');
mkdirSync(dir, { recursive: true });
const sizes = (process.env.BENCH_SIZES_MB ?? '10,45').split(',').map(Number);

// A bundle of the engine for a clean child process.
await build({
  entryPoints: [join(root, 'engine/src/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: join(dir, 'engine.js'),
  logLevel: 'warning',
});

function makeTrace(file, mb) {
  if (existsSync(file) && Math.abs(statSync(file).size - mb * 1048576) < 1048576) return;
  const lines = [];
  let seq = 28131995,
    ms = 0,
    n = 0,
    size = 0;
  const time = () => {
    ms += 7;
    const h = Math.floor(ms / 3600000) % 24,
      m = Math.floor(ms / 60000) % 60,
      s = Math.floor(ms / 1000) % 60;
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
  };
  const push = (l) => {
    lines.push(l);
    size += l.length + 1;
  };
  push(
    `${seq}.000 |00:00:00.206 |FileHead |UTC:-05:00,Date: 2024/08/13, AppName: CCM, AppId: 100, AppNodeId: 1, AppVersion: CUCM Install=14.0.1.13900-155, HostName: cucmpub, HostIPAddress: 10.20.30.40, FileNumber: 1263, TraceVer: 3.0`,
  );
  while (size < mb * 1048576) {
    seq++;
    n++;
    const s = String(seq).padStart(8, '0');
    push(
      `${s}.000 |${time()} |SdlSig   |DeviceEventReceiptMonitoringTimer      |wait                           |StationInit(1,100,65,1)          |SdlTimerService(1,100,3,1)       |1,100,150,1.1^*^*                        |[R:H-H:0,N:0,L:0,V:0,Z:0,D:0]`,
    );
    push(`${s}.001 |${time()} |AppInfo  |HttpConnection - checkConnQueue found no connData`);
    if (n % 5 === 0) {
      push(
        `${s}.002 |${time()} |AppInfo  |SIPTcp - wait_SdlReadRsp: Incoming SIP TCP message from 10.24.241.238 on port 53536 index 800 with 1456 bytes:`,
      );
      push('[9957,NET]');
      push('INVITE sip:2001@10.207.166.103 SIP/2.0');
      push('Via: SIP/2.0/TCP 10.24.241.238:53536;branch=z9hG4bK4f2a');
      push('From: <sip:1001@10.207.166.103>;tag=1234');
      push('To: <sip:2001@10.207.166.103>');
      push(`Call-ID: ${n}@10.24.241.238`);
      push('CSeq: 101 INVITE');
      push('Content-Length: 0');
      push('');
    }
    if (n % 2000 === 0) {
      // A UCCX failure pasted into the trace bundle, with its EXCEPTION twin.
      push(
        `${n}: Mar 23 10:05:35.271 IST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- Connection refused`,
      );
      push(
        `${n + 1}: Mar 23 10:05:35.274 IST %MIVR-SS_TEL-7-EXCEPTION:com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- Connection refused`,
      );
    }
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

const engineRunner = `
const e = require(${JSON.stringify(join(dir, 'engine.js'))});
const fs = require('fs');
const t0 = performance.now();
const text = e.decodeBytes(fs.readFileSync(process.argv[1])).text;
const t1 = performance.now();
const r = e.analyze(text);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ read: t1 - t0, analyze: t2 - t1, findings: r.total, maxRssKB: process.resourceUsage().maxRSS }));
`;

function engine(file) {
  const r = spawnSync(process.execPath, ['-e', engineRunner, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

function server(file) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(root, 'dist/server.js'), '--stdio']);
    let buf = Buffer.alloc(0);
    const send = (msg) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
      proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      proc.stdin.write(body);
    };
    let t0 = 0;
    const hwm = () => {
      try {
        return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1]);
      } catch {
        return NaN;
      }
    };
    proc.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const sep = buf.indexOf('\r\n\r\n');
        if (sep < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, sep).toString())?.[1]);
        if (buf.length < sep + 4 + len) return;
        const msg = JSON.parse(buf.subarray(sep + 4, sep + 4 + len).toString());
        buf = buf.subarray(sep + 4 + len);
        if (msg.id === 1) {
          send({ method: 'initialized', params: {} });
          const text = readFileSync(file, 'utf8');
          t0 = performance.now();
          send({
            method: 'textDocument/didOpen',
            params: { textDocument: { uri: 'file:///bench.txt', languageId: 'cucm-sdl', version: 1, text } },
          });
        } else if (msg.method === 'textDocument/publishDiagnostics') {
          const ms = performance.now() - t0;
          const mem = hwm();
          proc.kill();
          resolve({ ms, diagnostics: msg.params.diagnostics.length, hwmKB: mem });
        }
      }
    });
    proc.on('error', reject);
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
}

function ripgrep(file) {
  const catalog = readFileSync(join(root, 'engine/src/generated/catalog.ts'), 'utf8');
  const triggers = [
    ...new Set([...catalog.matchAll(/"triggers": \[([^\]]*)\]/g)].flatMap((m) => JSON.parse(`[${m[1]}]`))),
  ];
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.status !== 0) return undefined;
  const args = ['-c', '-i', '-F', ...triggers.flatMap((t) => ['-e', t]), file];
  const t0 = performance.now();
  const r = spawnSync('rg', args, { encoding: 'utf8' });
  return { ms: performance.now() - t0, lines: Number(r.stdout.trim() || 0), triggers: triggers.length };
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
for (const mb of sizes) {
  const file = join(dir, `SDL001_100_bench_${mb}MB.txt`);
  makeTrace(file, mb);
  const bytes = statSync(file).size;
  const e = engine(file);
  const s = await server(file);
  const r = ripgrep(file);
  const mbs = (ms) => fmt(bytes / 1048576 / (ms / 1000), 1);
  console.log(`\n${file.replace(root + '/', '')}: ${fmt(bytes / 1048576, 1)} MiB`);
  console.log(
    `  engine  : analyze ${fmt(e.analyze)} ms (${mbs(e.analyze)} MiB/s), read+decode ${fmt(e.read)} ms, ${e.findings} findings, peak RSS ${fmt(e.maxRssKB / 1024)} MiB`,
  );
  console.log(
    `  server  : didOpen → publishDiagnostics ${fmt(s.ms)} ms (${mbs(s.ms)} MiB/s), ${s.diagnostics} diagnostics, peak RSS ${fmt(s.hwmKB / 1024)} MiB`,
  );
  if (r)
    console.log(
      `  rg      : same first-pass search (${r.triggers} trigger words, -i -F -c) ${fmt(r.ms)} ms (${mbs(r.ms)} MiB/s), ${r.lines} matching lines`,
    );
  else console.log('  rg      : not installed (apt-get install ripgrep)');
}

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, builtinCatalog, describeFinding, escapeMarkdown, findingMessage } from '../../engine/src/index';

describe('hover text', () => {
  const hostile = '[click](command:workbench.action.terminal.sendSequence)<img src=x onerror=alert(1)>';
  const text = `733: Mar 24 11:20:05.118 PST %MIVR-SS_TEL-4-ModuleRunTimeFailure:Real-time failure in JTAPI subsystem: Module=JTAPI Subsystem,Failure Cause=7,Failure Module=JTAPI_PROVIDER_INIT,Exception=com.cisco.jtapi.PlatformExceptionImpl: Unable to create provider -- evil_host.example.com`;

  it('escapes log text so it cannot inject links, HTML or command URIs', () => {
    const escaped = escapeMarkdown(hostile);
    assert.doesNotMatch(escaped, /\]\(command:/);
    assert.doesNotMatch(escaped, /<img/);
  });

  it('explains a finding in English and Japanese with the value from the line', () => {
    const [f] = analyze(text).findings;
    const entry = builtinCatalog().byId.get(f.id)!;
    const en = describeFinding(entry, f, 'en');
    const ja = describeFinding(entry, f, 'ja');
    assert.match(en, /What to do/);
    assert.match(en, /evil_host\.example\.com/);
    assert.match(ja, /推奨する対処/);
    assert.match(findingMessage(entry, f, 'en'), /"evil_host\.example\.com"/);
    assert.match(findingMessage(entry, f, 'ja'), /「evil_host\.example\.com」/);
  });

  it('keeps a hostile captured value inert in the hover', () => {
    const [f] = analyze(text).findings;
    const entry = builtinCatalog().byId.get(f.id)!;
    const md = describeFinding(entry, { ...f, captures: { host: hostile } }, 'en');
    // Inside a code span Markdown renders text literally; outside of code spans nothing may remain.
    const outsideCode = md.replace(/(`+)[\s\S]*?\1/g, '');
    assert.doesNotMatch(outsideCode, /command:|<img|\]\(/);
    assert.ok(md.includes(hostile), 'the value is still shown, literally');
  });
});

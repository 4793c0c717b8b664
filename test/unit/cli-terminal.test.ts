// The CLI's small decisions that a child process cannot show: colour on a real terminal, locale variables.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeTerminal, safeJson, useColor } from '../../cli/src/terminal';
import { localeFromEnv } from '../../cli/src/messages';

describe('CLI terminal and locale decisions', () => {
  it('colours a terminal in auto mode, unless NO_COLOR is set or TERM is dumb', () => {
    assert.equal(useColor('auto', true, {}), true);
    assert.equal(useColor('auto', false, {}), false);
    assert.equal(useColor('auto', true, { NO_COLOR: '1' }), false);
    assert.equal(useColor('auto', true, { TERM: 'dumb' }), false);
    // An empty NO_COLOR does not count (no-color.org: "present and not an empty string").
    assert.equal(useColor('auto', true, { NO_COLOR: '' }), true);
    assert.equal(useColor('always', false, { NO_COLOR: '1' }), true);
    assert.equal(useColor('never', true, {}), false);
  });

  it('reads the POSIX locale variables in their order of precedence', () => {
    assert.equal(localeFromEnv({ LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(localeFromEnv({ LANG: 'ja' }), 'ja');
    assert.equal(localeFromEnv({ LANG: 'ja-JP' }), 'ja');
    assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(localeFromEnv({ LANG: 'ja_JP.UTF-8', LC_ALL: 'C' }), 'en');
    assert.equal(localeFromEnv({ LANG: 'jam_JM' }), 'en', 'Jamaican is not Japanese');
    assert.equal(localeFromEnv({}), 'en');
  });

  it('escapes what acts on a terminal and leaves text and Japanese alone', () => {
    assert.equal(escapeTerminal('a\tb'), 'a\tb');
    assert.equal(escapeTerminal('ポート 2748\r\nnext'), 'ポート 2748\\r\\nnext');
    assert.equal(escapeTerminal('\x1b[2K\x07\x7f\u009b\u202e\u2066'), '\\x1b[2K\\x07\\x7f\\x9b\\u202e\\u2066');
    assert.equal(JSON.parse(safeJson({ v: '\u009b\u202e\x1b' })).v, '\u009b\u202e\x1b');
    const json = safeJson({ v: '\u009b\u202e\x1b' });
    for (const c of ['\u009b', '\u202e', '\x1b']) assert.ok(!json.includes(c));
  });
});

// @ts-check
// Rules of the SDL/SDI trace grammar (cucm-sdl).

import { r, WL, WR, S, caps, incs, G, seq } from './blocks.mjs';
import { R, INLINE_CORE } from './common.mjs';
import { SIP_FIRST_LINES, MGCP_CLASSES } from './sip.mjs';

const SEQ8 = r`\d{8}\.\d{3}`;
const TIME12 = r`\d{2}:\d{2}:\d{2}\.\d{3}`;
const CONTENT = r`[^\s|](?:[^|]*[^\s|])?`; // no leading/trailing blanks, no "|"
const END_COL = [r`\s*+`, G(r`\|`, S.sep)];
const colPlain = (scope) => [r`\s*+(?:`, G(CONTENT, scope), r`)?`, ...END_COL];
const colProcess = (meta) => [
  r`\s*+(?:`,
  G(
    [
      G(r`[A-Za-z_]\w*+`, S.process),
      G(r`\(`, 'punctuation.section.parens.begin.cucm'),
      G(r`\d++`, S.int),
      r`,`,
      G(r`\d++`, S.int),
      r`,`,
      G(r`\d++`, S.int),
      r`,`,
      G(r`\d++`, S.int),
      G(r`\)`, 'punctuation.section.parens.end.cucm'),
    ],
    meta,
  ),
  r`|`,
  G(CONTENT, meta),
  r`)?`,
  ...END_COL,
];
// "1,100,150,1.1^*^*", "1,200,13,273912.572^10.106.87.133^TEST_543210"
const colCorrelation = [
  r`\s*+(?:`,
  G(
    [
      G(r`\d++(?:,\d++)*+(?:\.\d++)?`, S.int),
      G(r`\^`, 'punctuation.separator.correlation.cucm'),
      r`(?:`,
      G(r`\d{1,3}(?:\.\d{1,3}){3}`, S.ip),
      r`|`,
      G(r`\*`, 'keyword.operator.wildcard.cucm'),
      r`|`,
      G(r`[^\s^|]++`, 'string.unquoted.device-name.cucm'),
      r`)`,
      G(r`\^`, 'punctuation.separator.correlation.cucm'),
      r`(?:`,
      G(r`\*`, 'keyword.operator.wildcard.cucm'),
      r`|`,
      G(r`[^\s^|]++`, 'string.unquoted.device-name.cucm'),
      r`)`,
    ],
    'meta.correlation.cucm',
  ),
  r`|`,
  G(CONTENT, 'meta.correlation.cucm'),
  r`)?`,
  ...END_COL,
];

R['sdl-sdlsig'] = seq(
  r`(?<![0-9A-Za-z_.|])`,
  G(SEQ8, S.lineNumber),
  r`\s*+`,
  G(r`\|`, S.sep),
  G(TIME12, S.time),
  r`\s*+`,
  G(r`\|`, S.sep),
  G(r`SdlSig(?:-[IO])?`, S.recordType),
  r`\s*+`,
  G(r`\|`, S.sep),
  colPlain(S.signal),
  colPlain(S.state),
  colProcess('meta.process.destination.cucm'),
  colProcess('meta.process.source.cucm'),
  colCorrelation,
);

R['sdl-prefix'] = {
  match: r`(?<![0-9A-Za-z_.|])(${SEQ8})(\s*+)(\|)(?:(${TIME12})(\s*+)(\|)(?:(?:(AppError)|([A-Za-z]++(?:-[A-Z])?))(\s*+)(\|))?)?`,
  captures: caps({ 1: S.lineNumber, 3: S.sep, 4: S.time, 6: S.sep, 7: S.recordTypeError, 8: S.recordType, 10: S.sep }),
};

// Windows-era SDI: "16:05:41.625 CCM|StationInit - InboundStim - ..."
R['sdl-win-prefix'] = {
  match: r`^(${TIME12})(\s++)([A-Za-z]\w*+)(\|)`,
  captures: caps({ 1: S.time, 3: S.process, 4: S.sep }),
};

R['sdl-filehead'] = {
  patterns: [
    {
      match: r`${WL}(UTC)(:)([+-]\d{2}:\d{2})`,
      captures: caps({ 1: S.tz, 3: S.tz }),
    },
    {
      match: r`${WL}(HostName)(:)(\s*+)([A-Za-z0-9][\w.-]*+)`,
      captures: caps({ 1: S.label, 2: S.kvSep, 4: S.host }),
    },
    {
      // "|Period: 6s", ", AppName: CCM" — labels right after a field or list separator
      match: r`(?<=\||,|, )([A-Z][A-Za-z]*+)(:)(?=[\s\d+-])`,
      captures: caps({ 1: S.label, 2: S.kvSep }),
    },
  ],
};

R['sdl-component'] = {
  patterns: [
    {
      // "|SIPTcp - wait_SdlReadRsp:", "|HttpConnection - checkConnQueue found", "CCM|StationInit - InboundStim"
      match: r`(?<=\|)(\s?)([A-Za-z]\w*+)(\s-\s)(?:([a-z_]\w*+))?`,
      captures: caps({ 2: S.component, 4: S.func }),
    },
    {
      // "|//SIP/SIPUdp/wait_SdlDataInd:"
      match: r`(?<=\|)(//(?:[\w-]++/)++)([A-Za-z_]\w*+)(?=:)`,
      captures: caps({ 1: S.component, 2: S.func }),
    },
    {
      // "[CTIHandler::OutputCtiMessage ]", "DET-MediaManager-(252214)::buildMtpXcoderAllocList"
      match: r`(?<![\w:])([A-Za-z_]\w*+)?(::)([A-Za-z_~]\w*+)`,
      captures: caps({ 1: S.component, 2: 'punctuation.separator.scope.cucm', 3: S.func }),
    },
  ],
};

R['process-id'] = {
  match: r`(?<![0-9A-Za-z_])([A-Za-z_]\w*+)(\()(\d++)(,)(\d++)(,)(\d++)(,)(\d++)(\))`,
  captures: caps({
    1: S.process,
    2: 'punctuation.section.parens.begin.cucm',
    3: S.int,
    5: S.int,
    7: S.int,
    9: S.int,
    10: 'punctuation.section.parens.end.cucm',
  }),
};

R['sdl-trace-flags'] = {
  patterns: [
    { match: r`\[[RT]:[^\[\]\s]*+\]`, name: S.muted('trace-flags') },
    { match: r`\*TraceFlagOverrode${WR}`, name: S.muted('trace-flags') },
  ],
};

R['sdl-net-message'] = {
  begin: r`^\s*+(\[\d++,NET\])`,
  beginCaptures: caps({ 1: S.muted('net-marker') }),
  end: r`^(?=\s*+${SEQ8}\s*+\||${TIME12}\s++[A-Za-z]\w*+\|)`,
  name: 'meta.message.net.cucm',
  patterns: incs(
    SIP_FIRST_LINES,
    'mgcp-command',
    MGCP_CLASSES.map((c) => `mgcp-response-${c.key}`),
    'sip-cseq',
    'sdp-media',
    'sdp-attribute',
    'sdp-line',
    'sip-header',
    'sip-protocol',
    INLINE_CORE,
  ),
};

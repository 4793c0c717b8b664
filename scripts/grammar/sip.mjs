// @ts-check
// SIP, SDP and MGCP messages, embedded in SDL traces after "[n,NET]".

import { r, WL, WR, LOUD, CALM, S, caps } from './blocks.mjs';
import { R } from './common.mjs';

// 401/407 answer almost every REGISTER and INVITE (the digest challenge before the credentials):
// a normal step of the flow, so not red; a refused retry shows as a diagnostic instead.
const STATUS_CLASSES = [
  { key: '1xx', re: r`1\d\d`, scope: 'markup.changed.status.provisional.cucm' },
  { key: '2xx', re: r`2\d\d`, scope: CALM('status.success') },
  { key: '3xx', re: r`3\d\d`, scope: 'markup.changed.status.redirect.cucm' },
  { key: 'challenge', re: r`40[17]`, scope: 'markup.changed.status.challenge.cucm' },
  { key: 'failure', re: r`[4-6]\d\d`, scope: LOUD('status.failure') },
];

R['sip-request-line'] = {
  match: r`^([A-Z][A-Z-]*+)(\s++)((?:sips?|tel|urn):\S*+)(\s++)(SIP/2\.0)(\s*+)$`,
  captures: caps({ 1: 'keyword.other.method.sip.cucm', 3: S.uri, 5: S.protocol }),
};
for (const c of STATUS_CLASSES) {
  R[`sip-status-line-${c.key}`] = {
    match: r`^(SIP/2\.0)(\s++)(${c.re})(?:(\s++)(\S(?:.*\S)?))?(\s*+)$`,
    captures: caps({ 1: S.protocol, 3: c.scope, 5: c.scope }),
  };
}
export const SIP_FIRST_LINES = ['sip-request-line', ...STATUS_CLASSES.map((c) => `sip-status-line-${c.key}`)];

R['sip-protocol'] = {
  match: r`${WL}SIP/2\.0(?:/(?:UDP|TCP|TLS|SCTP|WSS|WS))?${WR}`,
  name: S.protocol,
};
R['sip-cseq'] = {
  match: r`^(CSeq)(\s*+)(:)(\s*+)(\d++)(\s++)([A-Z]++)`,
  captures: caps({ 1: S.header, 3: S.kvSep, 5: S.int, 7: 'keyword.other.method.sip.cucm' }),
};
R['sip-header'] = {
  match: r`^([A-Za-z][\w-]*+)(\s*+)(:)`,
  captures: caps({ 1: S.header, 3: S.kvSep }),
};
R['sdp-media'] = {
  match: r`^(m)(=)(audio|video|image|application|text|message)(\s++)(\d++)`,
  captures: caps({ 1: S.sdpField, 2: S.assign, 3: 'keyword.other.media.sdp.cucm', 5: S.port }),
};
R['sdp-attribute'] = {
  match: r`^(a)(=)([\w-]++)`,
  captures: caps({ 1: S.sdpField, 2: S.assign, 3: 'variable.other.key.attribute.sdp.cucm' }),
};
R['sdp-line'] = {
  match: r`^([a-z])(=)`,
  captures: caps({ 1: S.sdpField, 2: S.assign }),
};
R['mgcp-command'] = {
  match: r`^(CRCX|MDCX|DLCX|RQNT|NTFY|AUEP|AUCX|RSIP|EPCF)(\s++)(\d++)(\s++)(\S++)(\s++)(MGCP)(\s++)(\d++\.\d++)`,
  captures: caps({
    1: 'keyword.other.method.mgcp.cucm',
    3: S.int,
    5: 'string.unquoted.endpoint.cucm',
    7: S.protocol,
    9: S.protocol,
  }),
};
export const MGCP_CLASSES = [
  { key: '1xx', re: '1', scope: 'markup.changed.status.provisional.cucm' },
  { key: '2xx', re: '2', scope: CALM('status.success') },
  { key: 'failure', re: '[3-9]', scope: LOUD('status.failure') },
];
for (const c of MGCP_CLASSES) {
  R[`mgcp-response-${c.key}`] = {
    match: r`^(${c.re}\d\d)(\s++)(\d++)(?:(\s++)(\S(?:.*\S)?))?(\s*+)$`,
    captures: caps({ 1: c.scope, 3: S.int, 5: c.scope }),
  };
}

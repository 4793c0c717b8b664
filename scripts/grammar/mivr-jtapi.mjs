// @ts-check
// Rules of the UCCX engine (cucm-mivr) and JTAPI client (cucm-jtapi) grammars.

import { r, WL, WR, MON, LOUD, S, caps, incs } from './blocks.mjs';
import { R, INLINE_JAVA } from './common.mjs';

R['record-seq'] = {
  // "51269: Apr 08 10:14:27.842 IST %MIVR-..." / "9364: Nov 23 ... %JTAPI-..."
  match: r`^(\d++)(:)(?=\s++${MON}\s)`,
  captures: caps({ 1: S.lineNumber }),
};

R['mivr-phrases'] = {
  match: r`${WL}(?:Real-time\s*+failure|bad login or password|is not in provider's domain)${WR}`,
  name: LOUD('status.failure'),
};

R['jtapi-provider'] = {
  // "(P53-192.168.10.82)"
  match: r`(\()(P\d++)(-)(?:(\d{1,3}(?:\.\d{1,3}){3})|([^()\s]++))(\))`,
  captures: caps({ 2: 'entity.name.type.provider.cucm', 4: S.ip, 5: S.host }),
};

R['jtapi-thread'] = {
  // "(P53-192.168.10.82) [ProviderRetryThread] sending: ..."
  match: r`(?<=\) )(\[)([^\[\]\s]++)(\])`,
  captures: caps({ 2: S.thread }),
};

R['jtapi-direction'] = {
  match: r`${WL}(sending|received(?:\s++(?:Event|Response|Request))?)(:)`,
  captures: caps({ 1: 'keyword.other.direction.cucm' }),
};

R['object-dump'] = {
  // "... sending: com.cisco.cti.protocol.ProviderOpenRequest {" ... "}"
  begin: r`(?<![\w$.])((?:[a-z][\w$]*+\.)*+[A-Z][\w$]*+)(\s*+)(\{)(?=\s*+$)`,
  beginCaptures: caps({ 1: S.klass, 3: 'punctuation.section.braces.begin.cucm' }),
  end: r`^\s*+(\})|^(?=\d++:\s++${MON}\s)`,
  endCaptures: caps({ 1: 'punctuation.section.braces.end.cucm' }),
  name: 'meta.object-dump.cucm',
  patterns: incs('dump-failure', 'dump-field', 'object-dump', 'stack-frame', 'caused-by', INLINE_JAVA),
};

R['dump-failure'] = {
  // failureDescription = Directory login failed - locked due to too many attempts.
  match: r`^(\s*+)(failureDescription|failureReason|errorDescription)(\s*+)(=)(\s*+)(?!null${WR}|0${WR})(\S(?:.*\S)?)`,
  captures: caps({ 2: S.key, 4: S.assign, 6: LOUD('failure-description') }),
};

R['dump-field'] = {
  match: r`^(\s*+)([A-Za-z_][\w.$]*+)(\s*+)(=)(?:(\s*+)(null|true|false)(?=\s*+$))?(?=\s|$)`,
  captures: caps({ 2: S.key, 4: S.assign, 6: S.bool }),
};

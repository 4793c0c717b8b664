// @ts-check
// Rules of the Cisco syslog grammar (CiscoLog, Tomcat, log4j, IIS; cucm-syslog).

import { r, WL, WR, MON, LOUD, CALM, S, caps } from './blocks.mjs';
import { R } from './common.mjs';

R['syslog-pri'] = {
  match: r`^(<)(\d{1,3})(>)`,
  captures: caps({ 1: S.tagPunct, 2: 'constant.numeric.priority.cucm', 3: S.tagPunct }),
};

R['syslog-host'] = {
  // "Jun 17 16:14:19 hcs862-hcm-f local7 2 :"
  match: r`(?<=\d\d:\d\d:\d\d )([A-Za-z0-9][\w.-]*+)(?=\s++(?:local\d{1,2}|kern|user|daemon|auth|authpriv|syslog|cron)\s)`,
  name: S.host,
};

R['ciscolog-seq-host'] = {
  // "... 2 : 7: hcs862-hcm-f.XXXXXXXXtest.net:" and bare CiscoLog "1234: myhost: Jun 17 ..."
  match: r`(?:^|(?<=: |>))(\d++)(:)(\s++)([A-Za-z][\w.-]*+)(:?)(?=\s)`,
  captures: caps({ 1: S.lineNumber, 4: S.host }),
};

R['ciscolog-accuracy'] = {
  match: r`(?<=: )\*(?=${MON}\s)`,
  name: S.muted('low-clock-accuracy'),
};

R['log4j-thread'] = {
  // "2021-04-23 17:04:46,507 ERROR [http-nio-81-exec-17] impl.AuthenticationLDAP - ..."
  match: r`(?<=[A-Z] |[A-Z]  )(\[)([^\[\]]++)(\])(\s++)([\w$]++(?:\.[\w$]++)*+)(?=\s-\s)`,
  captures: caps({ 2: S.thread, 5: S.klass }),
};

const HTTP_CLASSES = [
  { key: '2xx', re: '[12]', scope: CALM('status.success') },
  { key: '3xx', re: '3', scope: 'markup.changed.status.redirect.cucm' },
  { key: 'failure', re: '[45]', scope: LOUD('status.failure') },
];
for (const c of HTTP_CLASSES) {
  R[`http-request-${c.key}`] = {
    // "80 GET /desktop/container/ HTTP/1.1 200 4541 185"
    match: r`${WL}(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH)(\s++)(/\S*+)(\s++)(HTTP/\d\.\d)(\s++)(${c.re}\d\d)${WR}`,
    captures: caps({ 1: 'keyword.other.method.http.cucm', 3: S.uri, 5: S.protocol, 7: c.scope }),
  };
}
R['http-request'] = {
  match: r`${WL}(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH)(\s++)(/\S*+)(\s++)(HTTP/\d\.\d)${WR}`,
  captures: caps({ 1: 'keyword.other.method.http.cucm', 3: S.uri, 5: S.protocol }),
};
export const HTTP = [...HTTP_CLASSES.map((c) => `http-request-${c.key}`), 'http-request'];

R['w3c-directive'] = {
  match: r`^#(?:Software|Version|Date|Fields|Remark|Start-Date|End-Date):.*+$`,
  name: 'comment.line.directive.cucm',
};

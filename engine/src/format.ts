/** Which kind of CUCM/UCCX file a text is, from its first lines (for content sniffing and the CLI). */
export type FormatId = 'cucm-sdl' | 'cucm-mivr' | 'cucm-jtapi' | 'cucm-syslog' | 'cucm-eventlog' | 'cucm-cli';

const SNIFFERS: Array<[FormatId, RegExp]> = [
  ['cucm-sdl', /^\d{8}\.\d{3}\s*\|\d{2}:\d{2}:\d{2}\.\d{3}\s*\|/m],
  ['cucm-sdl', /^\d{2}:\d{2}:\d{2}\.\d{3}\s+CCM\|/m],
  ['cucm-mivr', /%MIVR-[A-Z0-9_]+-\d-/],
  ['cucm-jtapi', /%JTAPI-[A-Z0-9_]+-\d-/],
  ['cucm-syslog', /^[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\S+\s+local\d+\s+\d+\s*:/m],
  ['cucm-syslog', /%(?:UC|CCM)_[A-Z_]+-(?:[A-Z_]+-)?\d-\w+/],
  ['cucm-sdl', /^\d{2}:\d{2}:\d{2}\.\d{3}\s*\|(?:debug|info|error|warn)/im], // CAPF / SDI-style service traces
  ['cucm-syslog', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}\s+(?:ERROR|WARN|INFO|DEBUG|TRACE|FATAL)\b/m], // log4j
  [
    'cucm-syslog',
    /^#Software: Microsoft Internet Information Services|^\d{1,3}(?:\.\d{1,3}){3} \S+ - \S+ (?:\d+ )?(?:\[[^\]]+\] )?"?(?:GET|POST|HEAD) /m,
  ],
  ['cucm-syslog', /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M org\.apache/m], // catalina.out
  ['cucm-eventlog', /^\s*(?:Event Type|Event Source|イベントの種類|ソース)\s*:/m],
  ['cucm-eventlog', /Cisco CallManager service (?:terminated|to connect)/],
  ['cucm-cli', /^\s*admin:\s*\S/m],
  ['cucm-cli', /^(?:URI|TLS_REQCERT|TLS_CACERT|BASE)\s+\S/m], // ldap.conf
  ['cucm-cli', /^-----BEGIN CERTIFICATE-----|^\s*(?:Issuer|Subject):\s*\S+=|^\s*Not After\s*:/m], // certificate dumps
  ['cucm-cli', /Replicate_State\s*=|ReplicateCount\s*->|REPLICATION SETUP|HW Platform\s*:|Link Detected\s*:/],
  [
    'cucm-cli',
    /Unified CM Database Status|SERVER\s+ID\s+STATE\s+STATUS|^\s*\/dev\/md\d+\s*:|\b(?:logicaldrive|physicaldrive)\s+\d/m,
  ],
];

/** Looks at the first 64 lines only, so sniffing a huge file costs nothing. */
export function detectFormat(text: string): FormatId | undefined {
  let end = 0;
  for (let i = 0; i < 64 && end !== -1; i++) end = text.indexOf('\n', end + 1);
  const head = end === -1 ? text.slice(0, 16384) : text.slice(0, Math.min(end, 16384));
  for (const [id, re] of SNIFFERS) if (re.test(head)) return id;
  return undefined;
}

const CUCM_WEB_PAGE =
  /\b(?:ccmadmin|ccmuser|ccmservice|cmplatform)\b|Cisco Unified (?:CM|Communications Manager)|CallManager/i;

/**
 * A browser page an engineer saved (HTML or text) from the CUCM administration pages. Such files keep
 * their HTML/plain-text mode; the client sends them for analysis only when this says they are CUCM's.
 */
export function looksLikeCucmWebPage(head: string): boolean {
  return CUCM_WEB_PAGE.test(head.length > 65536 ? head.slice(0, 65536) : head);
}

/**
 * Fills the `<placeholders>` of a suggested CLI command with what the finding already read from the file
 * (the node, the user, the port, the record time…). Captured values are untrusted log text and the result
 * is typed at a CLI prompt, so a value is used only when it has the strict shape the placeholder needs
 * (a host name, a number, a user name without quotes…); otherwise the placeholder stays for the engineer.
 */

/** A placeholder the engine knows how to fill: the captures that may supply it and the shape they need. */
interface Slot {
  from: readonly string[];
  /** The value to type, or undefined when the captured text does not have the right shape. */
  accept(value: string): string | undefined;
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIPv4(value: string): boolean {
  const m = IPV4.exec(value);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255 && !/^0\d/.test(o));
}

/** A DNS host name (letters, digits, hyphens, dot-separated labels), or an IPv4 address. */
export function isHostName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  if (isIPv4(value)) return true;
  const labels = value.split('.');
  return labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels[labels.length - 1]);
}

const host = (v: string): string | undefined => (isHostName(v) ? v : undefined);
/** A fully qualified name: the step asks for a name, so an address or a bare host name is not enough. */
const fqdn = (v: string): string | undefined => (isHostName(v) && !isIPv4(v) && v.includes('.') ? v : undefined);
const ipv4 = (v: string): string | undefined => (isIPv4(v) ? v : undefined);
const port = (v: string): string | undefined =>
  /^\d{1,5}$/.test(v) && +v >= 1 && +v <= 65535 ? String(+v) : undefined;
const digits = (v: string): string | undefined => (/^\d{1,24}$/.test(v) ? v : undefined);
/** Application-user names: no quotes, spaces or backslashes (the value lands inside `'…'` of a SQL query). */
const user = (v: string): string | undefined => (/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/.test(v) ? v : undefined);
/** Cisco service names as `utils service` takes them: `Cisco CallManager`, `Cisco Tomcat`. */
const service = (v: string): string | undefined =>
  v.length <= 64 && /^Cisco [A-Za-z0-9]+(?: [A-Za-z0-9()/-]+){0,6}$/.test(v) ? v : undefined;
const core = (v: string): string | undefined => (/^core\.[A-Za-z0-9._-]{1,120}$/.test(v) ? v : undefined);
const device = (v: string): string | undefined => (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/.test(v) ? v : undefined);
/** Certificate units `set cert regen` accepts; a trust store such as directory-trust is not one. */
const CERT_UNITS = new Set([
  'tomcat',
  'tomcat-ECDSA',
  'ipsec',
  'CallManager',
  'CallManager-ECDSA',
  'CAPF',
  'TVS',
  'ITLRecovery',
]);
const unit = (v: string): string | undefined => (CERT_UNITS.has(v) ? v : undefined);

const NODE: Slot = { from: ['node', 'server', 'hostname'], accept: host };
const SLOTS: Record<string, Slot> = {
  hostname: NODE,
  nodename: NODE,
  node: NODE,
  'cucm-hostname': { from: ['host'], accept: host },
  'cucm-host-name': { from: ['host'], accept: host },
  'ldap-server': { from: ['host'], accept: host },
  'ldap-server-fqdn': { from: ['host'], accept: fqdn },
  'ldap-fqdn': { from: ['host'], accept: fqdn },
  'ip-address': { from: ['ip'], accept: ipv4 },
  'cucm-ip': { from: ['ip'], accept: ipv4 },
  'cucm-ip-address': { from: ['ip'], accept: ipv4 },
  port: { from: ['port'], accept: port },
  'port-number': { from: ['port'], accept: digits },
  'jtapi-user': { from: ['login', 'user'], accept: user },
  'service name': { from: ['service'], accept: service },
  'service-name': { from: ['service'], accept: service },
  'core file name': { from: ['core'], accept: core },
  device: { from: ['device'], accept: device },
  unit: { from: ['unit'], accept: unit },
};

/** The capture that carries the record time (see `recordTimeAt`): `YYYY-MM-DD HH:MM:SS`, local to the node. */
export const RECORD_TIME = 'recordTime';
/** How far around the event `file get … abstime` collects (the guide asks for 15 minutes either side). */
export const WINDOW_MINUTES = 15;

const PLACEHOLDER = /<([A-Za-z][A-Za-z0-9 :/_-]{0,40})>/g;
const ABSTIME = /\babstime <hh:mm:MM\/DD\/YY> <hh:mm:MM\/DD\/YY>/;

/** The value a placeholder gets from the captures, if one of them has the right shape. */
export function placeholderValue(name: string, captures: Record<string, string>): string | undefined {
  const slot = Object.hasOwn(SLOTS, name) ? SLOTS[name] : undefined;
  if (!slot) return undefined;
  for (const key of slot.from) {
    const raw = Object.hasOwn(captures, key) ? captures[key] : undefined;
    const value = raw === undefined ? undefined : slot.accept(raw.trim());
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The command with every placeholder the captures can fill filled in; unknown ones stay as written.
 * `abstime <hh:mm:MM/DD/YY> <hh:mm:MM/DD/YY>` becomes the window around `captures.recordTime`.
 */
export function fillCommand(template: string, captures: Record<string, string>): string {
  let out = template;
  const window = Object.hasOwn(captures, RECORD_TIME) ? abstimeWindow(captures[RECORD_TIME]) : undefined;
  if (window) out = out.replace(ABSTIME, `abstime ${window.from} ${window.to}`);
  return out.replace(PLACEHOLDER, (whole, name: string) => placeholderValue(name, captures) ?? whole);
}

/** Parses `YYYY-MM-DD HH:MM[:SS]` (or with `T`) into naive UTC milliseconds; undefined if not a real time. */
export function parseRecordTime(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const at = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(at);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return at;
}

/** `YYYY-MM-DD HH:MM:SS` for naive milliseconds. */
export function formatRecordTime(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** The CUCM CLI's `hh:mm:MM/DD/YY`. */
function abstime(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${p(d.getUTCFullYear() % 100)}`;
}

/** `abstime` bounds from `minutes` before to `minutes` after the record (whole minutes, outward). */
export function abstimeWindow(recordTime: string, minutes = WINDOW_MINUTES): { from: string; to: string } | undefined {
  const at = parseRecordTime(recordTime);
  if (at === undefined) return undefined;
  const MINUTE = 60_000;
  const from = Math.floor(at / MINUTE) * MINUTE - minutes * MINUTE;
  const to = Math.ceil(at / MINUTE) * MINUTE + minutes * MINUTE;
  return { from: abstime(from), to: abstime(to) };
}

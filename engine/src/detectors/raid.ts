import type { TextIndex } from '../text-index';
import type { Localized, Range } from '../types';
import { LineKind } from '../records';
import type { Detector, DetectorContext, DetectorFinding } from './types';

/**
 * Detectors for the RAID part of the catalog: the RAID section of `show hardware` on MCS servers
 * (HP Smart Array / hpacucli, IBM ServeRAID / arcconf, LSI MegaRAID / MegaCli field layouts), and Linux
 * software RAID (`mdadm --detail`, `/proc/mdstat`). No public capture of the HP/IBM section exists, so the
 * reader works on the documented fields and is tolerant of the layout: it reads logical drives and physical
 * disks as `key : value` blocks or as hpacucli one-liners, classifies each status, and reports one event per
 * capture (a failed disk, a rebuild, a degraded array), naming the replacement procedure for the server model.
 *
 * All RAID entries call `raid-status` with `params.kind`; they share the same triggers so the parse is
 * done once per text and cached.
 */

// ---------------------------------------------------------------------------------------------------------
// Server models (table 3-3 of the guide)

export type Family = 'one-reboot' | 'linux-sw' | 'no-reboot' | 'single-disk' | 'other';

const FAMILIES: Record<string, Family> = {
  'MCS-7825-H4': 'one-reboot',
  'MCS-7825-I3': 'one-reboot',
  'MCS-7825-I4': 'one-reboot',
  'MCS-7828-I3': 'one-reboot',
  'MCS-7825-H3': 'linux-sw',
  'MCS-7828-H3': 'linux-sw',
  'MCS-7835-H2': 'no-reboot',
  'MCS-7835-I2': 'no-reboot',
  'MCS-7845-H2': 'no-reboot',
  'MCS-7845-I2': 'no-reboot',
  'MCS-7835-I3': 'no-reboot',
  'MCS-7845-I3': 'no-reboot',
  'DL-380-G6': 'no-reboot',
  'MCS-7815-I3': 'single-disk',
  'MCS-7816-H3': 'single-disk',
  'MCS-7816-I3': 'single-disk',
  'MCS-7816-I4': 'single-disk',
};

/** The guide's procedure for each family, by runbook id (single-disk servers are recovered with DRS). */
const PROCEDURES: Partial<Record<Family, string>> = {
  'one-reboot': 'raid-replace-one-reboot',
  'linux-sw': 'raid-replace-linux-sw-one-reboot',
  'no-reboot': 'raid-replace-no-reboot',
  'single-disk': 'drs-restore',
};

/** Physical disks a healthy server of the no-reboot class reports (7835 class: 2, 7845 class: 4). */
const EXPECTED_DISKS: Record<string, number> = {
  'MCS-7835-H2': 2,
  'MCS-7835-I2': 2,
  'MCS-7835-I3': 2,
  'MCS-7845-H2': 4,
  'MCS-7845-I2': 4,
  'MCS-7845-I3': 4,
};

/** `7825H3`, `MCS7825-H3`, `MCS-7825-H3`, `DL380 G6`, `DL-380-G6`... to one spelling. */
export function normaliseModel(text: string): string | undefined {
  const m =
    /(?:MCS[\s-]?)?\b(78[1-4]\d)[\s-]?([HI]\d)\b/i.exec(text) ?? /MCS[\s-]?(78[1-4]\d)[\s-]?([HI]\d)\b/i.exec(text);
  if (m) return `MCS-${m[1]}-${m[2].toUpperCase()}`;
  const d = /\bDL[\s-]?380[\s-]?(?:G|Gen)[\s-]?(\d{1,2})\b/i.exec(text);
  if (d) return `DL-380-G${d[1]}`;
  return undefined;
}

export const familyOf = (model: string | undefined): Family => (model ? (FAMILIES[model] ?? 'other') : 'other');

const MODEL_LINE = /(?:HW\s*Platform|Server\s+Model|System\s+Model|Model)\s*:\s*(\S.*)$/i;

// ---------------------------------------------------------------------------------------------------------
// Reading the RAID section

type Cls = 'ok' | 'degraded' | 'failed' | 'rebuild' | 'unknown';

function classify(status: string): Cls {
  const s = status.toLowerCase();
  if (/interim\s+recovery/.test(s)) return 'degraded';
  if (/rebuild|recovering/.test(s)) return 'rebuild';
  if (/predictive/.test(s)) return 'unknown';
  if (/fail|offline|missing|removed/.test(s)) return 'failed';
  if (/degrad|interim|critical|partially|not\s*ok/.test(s)) return 'degraded';
  if (/^(?:ok|optimal|online|ready|active|clean|spare|hot\s*spare|unconfigured\s*\(good\)|jbod)\b/.test(s)) return 'ok';
  return 'unknown';
}

interface Entity {
  kind: 'logical' | 'physical';
  id?: string;
  idRank: number;
  status?: string;
  cls?: Cls;
  line: number;
  col: number;
}

interface MdArray {
  name: string;
  line: number;
  degraded: boolean;
  degradedLine?: number;
  recovering: boolean;
  removed: Array<{ line: number; col: number; dev?: string }>;
  rebuildingDev?: string;
}

interface Section {
  model?: string;
  modelLine?: number;
  entities: Entity[];
  rebuildLines: Array<{ line: number; col: number }>;
  percent?: string;
  percentLine?: number;
  mds: MdArray[];
  mdRebuildLines: Array<{ line: number; col: number }>;
  mdPercent?: string;
  mdPercentLine?: number;
}

export type RaidKind =
  | 'disk-failed-one-reboot'
  | 'disk-failed-no-reboot'
  | 'disk-failed'
  | 'md-removed'
  | 'md-degraded'
  | 'rebuild'
  | 'md-rebuild'
  | 'logical-degraded'
  | 'disk-missing'
  | 'logical-failed'
  | 'single-disk';

interface RaidEvent {
  kind: RaidKind;
  finding: DetectorFinding;
}

const PAGER = /^.*?(?:or\s*<q>\s*to\s*quit|\(lines\s+\d+\s*-\s*\d+\s+of\s+\d+\)\s*:)\s*/i;
const KEY_VALUE = /^(\s*)([A-Za-z][A-Za-z0-9 /()#.'_-]{0,48}?)\s*:\s*(.*)$/;
const HP_LOGICAL = /^(\s*)logicaldrive\s+(\S+)\s*(?:\(([^)]*)\))?\s*$/i;
const HP_PHYSICAL = /^(\s*)physicaldrive\s+(\S+)\s*(?:\(([^)]*)\))?\s*$/i;
const LOGICAL_HEAD = /^(\s*)(?:Logical\s*(?:Drive|Device|Disk)s?|Virtual\s+(?:Drive|Disk)s?|LD)\b(.*)$/i;
const PHYSICAL_HEAD = /^(\s*)(?:Physical\s*(?:Drive|Device|Disk)s?|PD\b|Device\s+#\s*\d+)(.*)$/i;
const TASK_HEAD = /Logical\s+device\s+Task|^\s*Task\s+ID\b|Background\s+(?:Task|Operation)s?\s*:?\s*$/i;
const OTHER_HEAD =
  /^\s*(?:Array\s*:?\s*[A-Z]\b|array\s+[A-Z]\s*\(|Smart\s+Array|Controller\b|Adapter\b|ServeRAID|MegaRAID|Enclosure\s+(?:information|\d)|Controllers?\s+found|Battery|Cache\b|BIOS)/i;
const MD_DETAIL_HEAD = /^\s*(\/dev\/md\d+)\s*:\s*$/;
const MDSTAT_HEAD = /^\s*(md\d+)\s*:\s*(?:active|inactive)\b(.*)$/i;
const MD_STATE_ONLY = /^\s*State\s*:\s*(?:clean|active|inactive)\s*,/i;
const MD_TABLE_HEAD = /^\s*Number\s+Major\s+Minor\s+RaidDevice\s+State\s*$/i;
const MD_MEMBER = /^(\s*)(\d+|-)\s+(\d+)\s+(\d+)\s+(-?\d+|-)\s+(\S.*)$/;
const PROMPT = /^\s*admin:/;

const STATUS_KEYS = new Set([
  'status',
  'state',
  'firmware state',
  'status of logical device',
  'logical drive status',
  'physical drive status',
  'drive status',
  'raid status',
]);
/** Keys that name a physical disk, best first (rank 0 is the block header's own id). */
const ID_KEYS: Record<string, number> = { 'slot number': 1, slot: 1, bay: 1, 'device id': 3, id: 3, port: 4 };

function headerId(rest: string): string | undefined {
  const m = /^\s*(?:number\s*|#\s*|:\s*|\s)\s*#?\s*(\/dev\/\S+|[0-9A-Za-z][\w:/.-]{0,20})/i.exec(rest);
  if (!m) return undefined;
  if (/^(?:information|info|list|details?|status|state|task|count|number)$/i.test(m[1])) return undefined;
  return m[1].replace(/[,:]$/, '');
}

const LOGICAL_KEY =
  /^(?:logical\s*(?:drive|device|disk)|virtual\s+(?:drive|disk)|ld)s?(?:\s+(?:information|info|list|details|number))?$/;
const PHYSICAL_KEY = /^(?:physical\s*(?:drive|device|disk)|pd)s?(?:\s+(?:information|info|list|details|number))?$/;

function headFromKey(key: string, value: string): { kind: 'logical' | 'physical'; id?: string } | undefined {
  // MegaCli starts every physical disk with `Enclosure Device ID:`; its `Slot Number` follows.
  if (key === 'enclosure device id') return { kind: 'physical' };
  const kind = LOGICAL_KEY.test(key) ? 'logical' : PHYSICAL_KEY.test(key) ? 'physical' : undefined;
  if (!kind) return undefined;
  const id = /^#?\s*(\/dev\/\S+|[0-9A-Za-z][\w:/.-]{0,20})/.exec(value)?.[1];
  return { kind, id: id && !/^(?:information|info|none)$/i.test(id) ? id : undefined };
}

function headFromLine(text: string): { kind: 'logical' | 'physical'; id?: string } | undefined {
  const lh = LOGICAL_HEAD.exec(text);
  if (lh) return { kind: 'logical', id: headerId(lh[2]) };
  const ph = PHYSICAL_HEAD.exec(text);
  if (ph) return { kind: 'physical', id: headerId(ph[2]) ?? /#\s*(\d+)/.exec(text)?.[1] };
  return undefined;
}

function percentOf(text: string): string | undefined {
  const m = /(\d{1,3}(?:\.\d+)?)\s*%/.exec(text) ?? /^\s*(\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  return m ? `${m[1]}%` : undefined;
}

function parseWindow(
  ctx: DetectorContext,
  from: number,
  to: number,
  state: { model?: string; modelLine?: number },
): Section[] {
  const { index } = ctx;
  const sections: Section[] = [];
  let sec: Section | undefined;
  let group: 'logical' | 'physical' | 'task' | 'other' | 'md' | undefined;
  let cur: Entity | undefined;
  let md: MdArray | undefined;

  const newSection = (): Section => {
    const s: Section = { entities: [], rebuildLines: [], mds: [], mdRebuildLines: [] };
    s.model = state.model;
    s.modelLine = state.modelLine;
    sections.push(s);
    group = undefined;
    cur = undefined;
    md = undefined;
    return s;
  };
  const newEntity = (kind: Entity['kind'], line: number, col: number, id?: string): Entity => {
    const e: Entity = { kind, line, col, id, idRank: id ? 0 : 99 };
    sec!.entities.push(e);
    cur = e;
    return e;
  };
  const setStatus = (e: Entity, status: string, line: number, col: number): void => {
    e.status = status.replace(/\s+/g, ' ').trim();
    e.cls = classify(e.status);
    e.line = line;
    e.col = col;
    if (e.cls === 'rebuild') sec!.rebuildLines.push({ line, col });
    const p = percentOf(e.status);
    if (e.cls === 'rebuild' && p && !sec!.percent) {
      sec!.percent = p;
      sec!.percentLine = line;
    }
  };

  sec = newSection();
  for (let n = from; n <= to; n++) {
    let text = index.line(n);
    if (text.length > 1000) continue;
    let offset = 0;
    if (/to\s*quit|\(lines\s+\d/i.test(text)) {
      const m = PAGER.exec(text);
      if (m) {
        offset = m[0].length;
        text = text.slice(offset);
      }
    }
    if (PROMPT.test(text)) {
      sec = newSection();
      continue;
    }
    if (text.trim() === '') {
      if (group === 'task') group = undefined;
      continue;
    }
    const indent = offset + (text.length - text.trimStart().length);

    const mh = MODEL_LINE.exec(text);
    if (mh) {
      const model = normaliseModel(mh[1]);
      if (model) {
        state.model = model;
        state.modelLine = n;
        sec.model = model;
        sec.modelLine = n;
      }
      if (/HW\s*Platform/i.test(text)) continue;
    }

    // Linux software RAID: mdadm --detail and /proc/mdstat
    let m = MD_DETAIL_HEAD.exec(text);
    if (m) {
      md = { name: m[1], line: n, degraded: false, recovering: false, removed: [] };
      sec.mds.push(md);
      group = 'md';
      cur = undefined;
      continue;
    }
    m = MDSTAT_HEAD.exec(text);
    if (m) {
      md = { name: `/dev/${m[1]}`, line: n, degraded: false, recovering: false, removed: [] };
      sec.mds.push(md);
      group = 'md';
      cur = undefined;
      const faulty = /(\w+)\[\d+\]\(F\)/.exec(m[2]);
      if (faulty) md.removed.push({ line: n, col: indent, dev: `/dev/${faulty[1]}` });
      continue;
    }
    // An mdadm block pasted without its `/dev/mdN:` line: its state words or member table start one.
    const inHwBlock = group === 'logical' || group === 'physical';
    if (group !== 'md' && ((!inHwBlock && MD_STATE_ONLY.test(text)) || MD_TABLE_HEAD.test(text))) {
      md = { name: '/dev/md?', line: n, degraded: false, recovering: false, removed: [] };
      sec.mds.push(md);
      group = 'md';
      cur = undefined;
      if (MD_TABLE_HEAD.test(text)) continue;
    }
    if (group === 'md' && md) {
      if (MD_TABLE_HEAD.test(text)) continue;
      const counts = /\[(\d+)\/(\d+)\]\s*\[([U_]+)\]/.exec(text);
      if (counts) {
        if (Number(counts[2]) < Number(counts[1]) || counts[3].includes('_')) {
          md.degraded = true;
          md.degradedLine ??= n;
        }
        continue;
      }
      const rec = /\b(?:recovery|rebuild)\s*=\s*(\d{1,3}(?:\.\d+)?)\s*%/i.exec(text);
      if (rec) {
        md.recovering = true;
        sec.mdRebuildLines.push({ line: n, col: indent });
        if (!sec.mdPercent) {
          sec.mdPercent = `${rec[1]}%`;
          sec.mdPercentLine = n;
        }
        continue;
      }
      if (/resync\s*=\s*DELAYED/i.test(text)) {
        md.recovering = true;
        continue;
      }
      const mm = MD_MEMBER.exec(text);
      if (mm) {
        const st = mm[6].trim();
        const dev = /(\/dev\/\S+)\s*$/.exec(st)?.[1];
        if (/^removed\b/i.test(st) || /\bfaulty\b/i.test(st)) md.removed.push({ line: n, col: indent + 0, dev });
        else if (/spare\s+rebuilding/i.test(st)) {
          md.recovering = true;
          md.rebuildingDev = dev;
          sec.mdRebuildLines.push({ line: n, col: indent });
        }
        continue;
      }
      const kv = KEY_VALUE.exec(text);
      if (kv) {
        const key = kv[2].toLowerCase().replace(/\s+/g, ' ');
        const value = kv[3].trim();
        if (key === 'state') {
          if (/degraded/i.test(value)) {
            md.degraded = true;
            md.degradedLine = n;
          }
          if (/recovering|resyncing|rebuild/i.test(value)) md.recovering = true;
          continue;
        }
        if (key === 'rebuild status' || key === 'resync status' || key === 'recovery status') {
          md.recovering = true;
          sec.mdRebuildLines.push({ line: n, col: indent });
          const p = percentOf(value);
          if (p && !sec.mdPercent) {
            sec.mdPercent = p;
            sec.mdPercentLine = n;
          }
          continue;
        }
        if (!LOGICAL_HEAD.test(text) && !PHYSICAL_HEAD.test(text)) continue;
      }
    }

    // Hardware RAID: hpacucli one-liners
    m = HP_LOGICAL.exec(text);
    if (m) {
      group = 'logical';
      const e = newEntity('logical', n, indent, m[2]);
      if (m[3] !== undefined) {
        const fields = m[3].split(',').map((f) => f.trim());
        const status = fields.filter((f, i) => i > 0 && !/^RAID\b/i.test(f)).join(', ');
        if (status) setStatus(e, status, n, indent);
      }
      continue;
    }
    m = HP_PHYSICAL.exec(text);
    if (m) {
      group = 'physical';
      const e = newEntity('physical', n, indent, m[2]);
      if (m[3] !== undefined) {
        const fields = m[3].split(',').map((f) => f.trim());
        const status = fields[fields.length - 1];
        if (status) setStatus(e, status, n, indent);
      }
      continue;
    }

    if (TASK_HEAD.test(text) && !(group === 'task' && KEY_VALUE.test(text))) {
      group = 'task';
      cur = undefined;
      continue;
    }
    const kv = KEY_VALUE.exec(text);
    const key = kv ? kv[2].toLowerCase().replace(/\s+/g, ' ').trim() : '';
    const value = kv ? kv[3].trim() : '';

    if (group !== 'task') {
      // Flat keys such as `Logical Drive Status : Degraded` or `Physical Drive 1 Status : Failed`.
      const flat = /^(logical|physical)\s*(?:drive|disk|device)\s*(\S+)?\s*status$/.exec(key);
      if (kv && flat) {
        const kind = flat[1] === 'logical' ? 'logical' : 'physical';
        group = kind;
        const e = newEntity(kind, n, indent, flat[2]);
        setStatus(e, value, n, indent);
        continue;
      }
      // Block headers: `Logical Drive: 1`, `Virtual Drive: 0 (Target Id: 0)`, `Logical device number 0`,
      // `Physical Drive Information:`, `Device #1`, `PD: 0 Information`. A longer key (`Logical device name`) is a field.
      const head = kv ? headFromKey(key, value) : headFromLine(text);
      if (head) {
        group = head.kind;
        cur = undefined;
        if (head.id) newEntity(head.kind, n, indent, head.id);
        continue;
      }
      if (OTHER_HEAD.test(text) && !(kv && STATUS_KEYS.has(key))) {
        group = 'other';
        cur = undefined;
        continue;
      }
    }
    if (!kv) continue;

    if (key === 'current operation' || key === 'current task' || key === 'operation') {
      if (/rebuild|recover/i.test(value)) sec.rebuildLines.push({ line: n, col: indent });
      continue;
    }
    if (/^(?:percentage|percent)\s+complete|^rebuild\s+(?:progress|status)$|^progress$/.test(key)) {
      const p = percentOf(value);
      if (p && !sec.percent) {
        sec.percent = p;
        sec.percentLine = n;
      }
      continue;
    }
    if (group !== 'logical' && group !== 'physical') continue;
    if (STATUS_KEYS.has(key)) {
      if (!cur || cur.kind !== group || cur.status !== undefined) newEntity(group, n, indent);
      setStatus(cur!, value, n, indent);
      continue;
    }
    const rank = ID_KEYS[key];
    // A disk key (`ID`, `Slot Number`, `Bay`...) after a logical drive's status starts the disk list even
    // when the capture has no `Physical Drive Information` header.
    if (rank !== undefined && rank > 0 && group === 'logical' && cur?.kind === 'logical' && cur.status !== undefined) {
      group = 'physical';
      cur = undefined;
    }
    if (rank !== undefined && value) {
      if (!cur || cur.kind !== group || cur.status !== undefined) newEntity(group, n, indent);
      if (rank < cur!.idRank) {
        cur!.id = value.split(/\s+/)[0];
        cur!.idRank = rank;
      }
    }
  }
  return sections;
}

// ---------------------------------------------------------------------------------------------------------
// From sections to events

const range = (index: TextIndex, line: number, col: number): Range => {
  const text = index.line(line);
  let c = col;
  while (c < text.length && (text[c] === ' ' || text[c] === '\t')) c++;
  return { start: { line, character: Math.min(c, text.length) }, end: { line, character: text.length } };
};

const NOTE_LOGICAL: Localized = {
  en: 'Logical drive status in the same capture',
  ja: '同じ出力内の論理ドライブの状態',
};
const NOTE_ARRAY: Localized = {
  en: 'Another degraded software RAID array on the same disks',
  ja: '同じディスク上で縮退している別のソフトウェア RAID アレイ',
};
const NOTE_REBUILD: Localized = { en: 'Another sign of the same rebuild', ja: '同じ再構築を示す別の行' };
const NOTE_DISK: Localized = { en: 'Failed physical disk of this array', ja: 'このアレイの障害物理ディスク' };
const NOTE_MODEL: Localized = {
  en: 'Server model that decides the replacement procedure',
  ja: '交換手順を決めるサーバ モデル',
};

function eventsOf(index: TextIndex, sec: Section): RaidEvent[] {
  const events: RaidEvent[] = [];
  const family = familyOf(sec.model);
  const base = (): Record<string, string> => {
    const c: Record<string, string> = {};
    if (sec.model) {
      c.model = sec.model;
      const procedure = PROCEDURES[family];
      if (procedure) c.procedure = procedure;
    }
    return c;
  };
  const modelNote = (): NonNullable<DetectorFinding['related']> =>
    sec.modelLine !== undefined ? [{ range: range(index, sec.modelLine, 0), message: NOTE_MODEL }] : [];

  const logical = sec.entities.filter((e) => e.kind === 'logical' && e.status !== undefined);
  const physical = sec.entities.filter((e) => e.kind === 'physical' && e.status !== undefined);
  const failedDisks = physical.filter((e) => e.cls === 'failed');
  const badLogical = logical.filter((e) => e.cls === 'degraded' || e.cls === 'failed');
  const hwRebuild = sec.rebuildLines.length > 0;
  const logicalNotes = (): NonNullable<DetectorFinding['related']> =>
    badLogical.map((e) => ({ range: range(index, e.line, e.col), message: NOTE_LOGICAL }));

  // Hardware-style output on a Linux software RAID model (the guide's Removed / Spare Rebuilding fields).
  const swModel = family === 'linux-sw';

  if (
    family === 'single-disk' &&
    (failedDisks.length > 0 || badLogical.length > 0 || sec.mds.some((a) => a.degraded || a.removed.length > 0))
  ) {
    const first = failedDisks[0] ?? badLogical[0];
    const line = first ? first.line : sec.mds.find((a) => a.degraded || a.removed.length > 0)!.line;
    const col = first ? first.col : 0;
    const c = base();
    if (first?.status) c.status = first.status;
    events.push({
      kind: 'single-disk',
      finding: { range: range(index, line, col), captures: c, related: modelNote() },
    });
    return events;
  }

  if (hwRebuild) {
    const where = sec.percentLine ?? sec.rebuildLines[0].line;
    const col = sec.percentLine !== undefined ? 0 : sec.rebuildLines[0].col;
    const c = base();
    c.percent = sec.percent ?? 'n/a';
    c.rebuildHours = swModel ? '8-10' : '1-2';
    const disk = physical.find((e) => e.cls === 'rebuild');
    if (disk?.id) c.disk = disk.id;
    const related = sec.rebuildLines
      .filter((r) => r.line !== where)
      .map((r) => ({ range: range(index, r.line, r.col), message: NOTE_REBUILD }));
    events.push({
      kind: swModel ? 'md-rebuild' : 'rebuild',
      finding: { range: range(index, where, col), captures: c, related },
    });
  }

  // A failed logical drive is one event (the array is lost); its failed disks are part of it.
  const failedLogical = logical.filter((l) => l.cls === 'failed');
  for (const e of failedLogical) {
    const c = base();
    c.status = e.status!;
    if (e.id) c.logical = e.id;
    const related = [
      ...failedDisks.map((d) => ({ range: range(index, d.line, d.col), message: NOTE_DISK })),
      ...modelNote(),
    ];
    events.push({ kind: 'logical-failed', finding: { range: range(index, e.line, e.col), captures: c, related } });
  }

  if (failedDisks.length > 0 && failedLogical.length === 0) {
    if (swModel) {
      const d = failedDisks[0];
      const c = base();
      c.status = d.status!;
      if (d.id) c.disk = d.id;
      if (!hwRebuild)
        events.push({
          kind: 'md-removed',
          finding: { range: range(index, d.line, d.col), captures: c, related: [...logicalNotes(), ...modelNote()] },
        });
    } else {
      const kind: RaidKind =
        family === 'one-reboot'
          ? 'disk-failed-one-reboot'
          : family === 'no-reboot'
            ? 'disk-failed-no-reboot'
            : 'disk-failed';
      failedDisks.forEach((d, i) => {
        const c = base();
        c.status = d.status!;
        c.disk = d.id ?? `#${physical.indexOf(d) + 1}`;
        if (badLogical[0]) c.logical = badLogical[0].status!;
        const related = i === 0 ? [...logicalNotes(), ...modelNote()] : [];
        events.push({ kind, finding: { range: range(index, d.line, d.col), captures: c, related } });
      });
    }
  }

  const degraded = logical.filter((l) => l.cls === 'degraded');
  if (failedDisks.length === 0 && !hwRebuild && degraded.length > 0) {
    const e = degraded[0];
    const c = base();
    c.status = e.status!;
    if (e.id) c.logical = e.id;
    c.disks = String(physical.length);
    const expected = sec.model ? EXPECTED_DISKS[sec.model] : undefined;
    const related = [
      ...degraded.slice(1).map((l) => ({ range: range(index, l.line, l.col), message: NOTE_LOGICAL })),
      ...modelNote(),
    ];
    if (swModel)
      events.push({ kind: 'md-degraded', finding: { range: range(index, e.line, e.col), captures: c, related } });
    else if (expected !== undefined && physical.length > 0 && physical.length < expected) {
      c.expectedDisks = String(expected);
      events.push({ kind: 'disk-missing', finding: { range: range(index, e.line, e.col), captures: c, related } });
    } else
      events.push({ kind: 'logical-degraded', finding: { range: range(index, e.line, e.col), captures: c, related } });
  }

  // Linux software RAID arrays: one event for the capture, however many md devices share the disks.
  if (sec.mds.length > 0) {
    const recovering = sec.mds.some((a) => a.recovering) || sec.mdRebuildLines.length > 0;
    const arrays = (pred: (a: MdArray) => boolean): string =>
      sec.mds
        .filter(pred)
        .map((a) => a.name)
        .join(', ');
    if (recovering && !hwRebuild) {
      const where = sec.mdPercentLine ?? sec.mdRebuildLines[0]?.line ?? sec.mds.find((a) => a.recovering)!.line;
      const c = base();
      c.percent = sec.mdPercent ?? 'n/a';
      c.rebuildHours = '8-10';
      const dev = sec.mds.find((a) => a.rebuildingDev)?.rebuildingDev;
      if (dev) c.disk = dev;
      c.arrays = arrays((a) => a.recovering || a.degraded);
      const related = sec.mdRebuildLines
        .filter((r) => r.line !== where)
        .map((r) => ({ range: range(index, r.line, r.col), message: NOTE_REBUILD }));
      events.push({ kind: 'md-rebuild', finding: { range: range(index, where, 0), captures: c, related } });
    } else if (!recovering) {
      const withRemoved = sec.mds.filter((a) => a.removed.length > 0);
      const deg = sec.mds.filter((a) => a.degraded);
      if (withRemoved.length > 0) {
        const r = withRemoved[0].removed[0];
        const c = base();
        c.status = r.dev ? 'faulty' : 'removed';
        if (r.dev) c.disk = r.dev;
        c.arrays = arrays((a) => a.removed.length > 0 || a.degraded);
        const related = [
          ...sec.mds
            .filter((a) => a !== withRemoved[0] && (a.removed.length > 0 || a.degraded))
            .map((a) => ({
              range: range(index, a.removed[0]?.line ?? a.degradedLine ?? a.line, 0),
              message: NOTE_ARRAY,
            })),
          ...modelNote(),
        ];
        if (withRemoved[0].degradedLine !== undefined) {
          related.unshift({ range: range(index, withRemoved[0].degradedLine, 0), message: NOTE_LOGICAL });
        }
        events.push({ kind: 'md-removed', finding: { range: range(index, r.line, r.col), captures: c, related } });
      } else if (deg.length > 0) {
        const a = deg[0];
        const c = base();
        c.status = 'degraded';
        c.arrays = arrays((x) => x.degraded);
        const related = [
          ...deg.slice(1).map((x) => ({ range: range(index, x.degradedLine ?? x.line, 0), message: NOTE_ARRAY })),
          ...modelNote(),
        ];
        events.push({
          kind: 'md-degraded',
          finding: { range: range(index, a.degradedLine ?? a.line, 0), captures: c, related },
        });
      }
    }
  }
  return events;
}

// ---------------------------------------------------------------------------------------------------------
// Windows around the trigger hits, parsed once per text

const BACK = 20;
const FORWARD = 600;
const cache = new WeakMap<TextIndex, RaidEvent[]>();

function raidEvents(ctx: DetectorContext): RaidEvent[] {
  let ev = cache.get(ctx.index);
  if (ev) return ev;
  const { index, records } = ctx;
  const isTrace = (n: number): boolean => records.kind(n) === LineKind.Head;
  const windows: Array<[number, number]> = [];
  for (const hit of ctx.hitLines) {
    if (isTrace(hit)) continue;
    const last = windows[windows.length - 1];
    const joins = last !== undefined && hit <= last[1] + 1;
    // Scan forward only from where the previous window stopped, so every line is looked at once.
    let end = joins ? Math.max(hit, last[1]) : hit;
    while (end + 1 < index.lineCount && end - hit < FORWARD && !isTrace(end + 1)) end++;
    if (joins) {
      last[1] = end;
      continue;
    }
    let start = hit;
    const floor = last ? last[1] + 1 : 0;
    while (start > floor && hit - start < BACK && !isTrace(start - 1) && !PROMPT.test(index.line(start))) start--;
    windows.push([start, end]);
  }
  ev = [];
  const state: { model?: string; modelLine?: number } = {};
  for (const [a, b] of windows) for (const sec of parseWindow(ctx, a, b, state)) ev.push(...eventsOf(index, sec));
  cache.set(ctx.index, ev);
  return ev;
}

/** params.kind: which RAID event this entry reports (see RaidKind). */
const raidStatus: Detector = (ctx) => {
  const kind = String(ctx.params.kind ?? '');
  return raidEvents(ctx)
    .filter((e) => e.kind === kind)
    .map((e) => e.finding);
};

/** Detectors for the raid part of the catalog. */
export const DETECTORS_RAID: Record<string, Detector> = {
  'raid-status': raidStatus,
};

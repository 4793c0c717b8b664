// @ts-check
// Rules of the platform CLI output grammar (cucm-cli).

import { r, WL, WR, LOUD, WARN, CALM, S, caps, incs } from './blocks.mjs';
import { R } from './common.mjs';

R['cli-prompt'] = {
  // "admin:utils dbreplication runtimestate", "admin: show perf query class \"...\" ==>query class :"
  match: r`^(admin)(:)(\s*+)([a-z][\w-]*+(?:\s++(?:"[^"]*+"|[a-z0-9/_.*-][^\s"]*+))*+)?`,
  captures: caps({
    1: S.prompt,
    2: S.prompt,
    4: { name: S.command, patterns: incs('string') },
  }),
};

R['cli-pagination'] = {
  patterns: [
    { match: r`Press <enter> for 1 line, <space> for one page, or <q> to quit`, name: S.muted('pagination') },
    { match: r`options: q=quit, n=next, p=prev, b=begin, e=end \([^)]*+\)\s*+:`, name: S.muted('pagination') },
  ],
};

R['cli-table-rule'] = {
  match: r`^\s*+-{3,}(?:\s++-{3,})*+\s*+$`,
  name: S.muted('table-rule'),
};

R['cli-health'] = {
  patterns: [
    {
      // "(2) Setup Completed", "(2) PUB Setup Completed"
      match: r`(?<=\s)(\(2\))(?:(\s++)([^\s()](?:[^()]*[^\s()])?))?(?=\s*+$)`,
      captures: caps({ 1: CALM('health'), 3: CALM('health') }),
    },
    {
      // "(3) Out Of Sync", "(3) DB Active-Failed", "(4) Setup Failed/Dropped", "(0) ...", "(1) ..."
      match: r`(?<=\s)(\([013-9]\))(?:(\s++)([^\s()](?:[^()]*[^\s()])?))?(?=\s*+$)`,
      captures: caps({ 1: LOUD('health'), 3: LOUD('health') }),
    },
  ],
};

R['cli-replicate-state'] = {
  patterns: [
    {
      match: r`${WL}(Replicate_State)(\s*+)(=)(\s*+)(2)(?![0-9])`,
      captures: caps({ 1: S.key, 3: S.assign, 5: CALM('health') }),
    },
    {
      match: r`${WL}(Replicate_State)(\s*+)(=)(\s*+)(\d++)`,
      captures: caps({ 1: S.key, 3: S.assign, 5: LOUD('health') }),
    },
  ],
};

R['cli-perf-counter'] = {
  patterns: [
    {
      // "    ReplicateCount  -> Number of Replicates Created   = 344"
      match: r`^(\s*+)([\w.-]++)(\s++)(->)`,
      captures: caps({ 2: 'entity.name.type.instance.cucm', 4: 'keyword.operator.arrow.cucm' }),
    },
    {
      match: r`(?<=->\s)(\s*+)(?!Replicate_State${WR})([A-Za-z](?:[^=]{0,160}[^=\s])?)(\s*+)(=)`,
      captures: caps({ 2: S.key, 4: S.assign }),
    },
  ],
};

R['cli-fields'] = {
  patterns: [
    {
      match: r`${WL}(Link Detected)(\s*+)(:)(\s*+)(?:(yes)|(no))${WR}`,
      captures: caps({ 1: S.label, 3: S.kvSep, 5: CALM('link'), 6: LOUD('link') }),
    },
    {
      match: r`${WL}(Duplicate IP)(\s*+)(:)(\s*+)(?:(no)|(yes))${WR}`,
      captures: caps({ 1: S.label, 3: S.kvSep, 5: CALM('duplicate-ip'), 6: LOUD('duplicate-ip') }),
    },
    {
      match: r`${WL}(Status)(\s*+)(:)(\s*+)(?:(up)|(down))${WR}`,
      captures: caps({ 1: S.label, 3: S.kvSep, 5: CALM('link'), 6: LOUD('link') }),
    },
    {
      // "Mode        : Auto disabled, Full, 1000 Mbits/s"
      match: r`${WL}(Mode)(\s*+)(:)(\s*+)(Auto\s++(?:enabled|disabled))(,\s*+)(?:(Full)|(Half))${WR}`,
      captures: caps({ 1: S.label, 3: S.kvSep, 7: CALM('duplex'), 8: LOUD('duplex') }),
    },
    {
      // "Return code = 0"
      match: r`${WL}(Return code)(\s*+)(=)(\s*+)(?:(0)|(-?\d++))${WR}`,
      captures: caps({ 1: S.key, 3: S.assign, 5: CALM('return-code'), 6: LOUD('return-code') }),
    },
  ],
};

R['cli-label'] = {
  // "IP Address   : 10.53.50.219   IP Mask     : ...", "Not After : Apr 13 ...", "quitType              : Intel"
  // Starts only at the line start, after 2+ blanks / a tab / '[' / a glued pager prompt, so the
  // word loop cannot restart at every word of a long single-spaced sentence.
  match: r`(?:^|(?<=\s\s|\t|\[|to quit))([A-Z][\w()/.-]*+(?: [A-Za-z][\w()/.-]*+)*+)(\s*+)(:)(?=\s|$)`,
  captures: caps({ 1: S.label, 3: S.kvSep }),
};

R['cli-service-state'] = {
  patterns: [
    { match: r`\[\s*+STARTED\s*+\]`, name: CALM('service-state') },
    { match: r`\[\s*+STARTING\s*+\]`, name: WARN('service-state') },
    {
      // benign: a service that is simply not activated
      match: r`(\[\s*+STOPPED\s*+\])(\s*+)(Service Not Activated)`,
      captures: caps({ 1: S.muted('service-state'), 3: S.muted('service-state') }),
    },
    { match: r`\[\s*+STOPPED\s*+\]`, name: LOUD('service-state') },
    { match: r`Component is not running`, name: LOUD('service-state') },
  ],
};

R['cli-yyy'] = {
  patterns: [
    { match: r`${WL}Y/Y/Y${WR}`, name: CALM('db-rpc-dbmon') },
    { match: r`${WL}[YN]/[YN]/[YN]${WR}`, name: LOUD('db-rpc-dbmon') },
  ],
};

R['cli-runtimestate-host'] = {
  // "cucm-57                  10.77.32.57       0.163 ..."
  // also right after a pager prompt glued to the row ("...or <q> to quitcucm-sub1   10.1.1.2 ...")
  match: r`(?:^|(?<=to quit))([A-Za-z][\w.-]*+)(?=\s++\d{1,3}(?:\.\d{1,3}){3}\s)`,
  name: S.host,
};

R['cli-status-words'] = {
  patterns: [
    {
      match:
        r`${WL}(?:[Dd]egraded|DEGRADED|[Rr]emoved|REMOVED|[Ff]aulty|FAULTY|[Oo]ffline|OFFLINE|Half|[Dd]isconnected|Not Connected|` +
        r`DOWN|[Mm]issing|MISSING|Predictive Failure|[Uu]nconfigured\(bad\))${WR}`,
      name: LOUD('status.failure'),
    },
    {
      match: r`${WL}(?:Interim Recovery Mode|spare rebuilding|[Rr]ebuild(?:ing)?|REBUILD(?:ING)?|[Rr]ecovering|[Rr]esync(?:ing)?|[Ee]xpanding)${WR}`,
      name: WARN('status.warning'),
    },
    {
      match: r`${WL}(?:Optimal|Online|ONLINE|Active|ACTIVE|active sync|active|Clean|clean|Connected|All Tables are in sync)${WR}`,
      name: CALM('status.success'),
    },
  ],
};

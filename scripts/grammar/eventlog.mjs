// @ts-check
// Rules of the Windows Event Viewer text grammar (cucm-eventlog).

import { r, WL, WR, LOUD, WARN, INFO, DEBUG, CALM, S, caps } from './blocks.mjs';
import { R } from './common.mjs';

const EV_TYPE_LABELS = 'Event Type|Type|Level|イベントの種類|種類|レベル';
const EV_TYPE_VALUES = [
  { key: 'error', re: 'Error|Critical|Audit Failure|エラー|重大|失敗の監査', scope: LOUD('event-type.error') },
  { key: 'warning', re: 'Warning|警告', scope: WARN('event-type.warning') },
  { key: 'info', re: 'Information|Informational|情報', scope: INFO('event-type.info') },
  { key: 'debug', re: 'Verbose|詳細', scope: DEBUG('event-type.verbose') },
  { key: 'success', re: 'Audit Success|成功の監査', scope: CALM('event-type.audit-success') },
];
for (const v of EV_TYPE_VALUES) {
  R[`event-type-${v.key}`] = {
    match: r`^(\s*+)(${EV_TYPE_LABELS})(\s*+)([:：])(\s*+)(${v.re})(?=\s|$)`,
    captures: caps({ 2: S.label, 4: S.kvSep, 6: v.scope }),
  };
}
export const EV_TYPES = EV_TYPE_VALUES.map((v) => `event-type-${v.key}`);

R['event-source'] = {
  match: r`^(\s*+)(Event Source|Source|イベント ソース|イベントソース|ソース)(\s*+)([:：])(\s*+)(\S(?:.*\S)?)`,
  captures: caps({ 2: S.label, 4: S.kvSep, 6: S.service }),
};

R['event-computer'] = {
  match: r`^(\s*+)(Computer|コンピューター|コンピュータ)(\s*+)([:：])(\s*+)([A-Za-z0-9][\w.-]*+)(?=\s*+$)`,
  captures: caps({ 2: S.label, 4: S.kvSep, 6: S.host }),
};

R['event-label'] = {
  patterns: [
    {
      match:
        r`^(\s*+)(Event Category|Event ID|Date|Time|User|Computer|Description|Data|Log Name|Task Category|Keywords|Opcode|Record Number|Category|` +
        r`イベントの分類|分類|イベント ID|イベントID|日付|時刻|ユーザー|ユーザ|コンピューター|コンピュータ|説明|データ|ログの名前|タスクのカテゴリ|キーワード|オペコード)(\s*+)([:：])`,
      captures: caps({ 2: S.label, 4: S.kvSep }),
    },
    {
      // Other Title Case labels followed by a tab or the end of the line.
      match: r`^(\s*+)([A-Z][A-Za-z]*+(?: [A-Z][A-Za-z]*+)*+)(:)(?=\t|\s*+$)`,
      captures: caps({ 2: S.label, 4: S.kvSep }),
    },
    {
      // Other Japanese labels.
      match: r`^(\s*+)([\p{Han}\p{Katakana}\p{Hiragana}ー]++(?: ?ID)?)([:：])(?=[\t ]|$)`,
      captures: caps({ 2: S.label, 3: S.kvSep }),
    },
  ],
};

R['scm-phrases'] = {
  patterns: [
    {
      match:
        r`${WL}(?:terminated unexpectedly|failed to start|did not respond to the start or control request in a timely fashion|` +
        r`logon failure|Timeout \(\d++ milliseconds\) waiting for)${WR}`,
      name: LOUD('status.failure'),
    },
    {
      match: r`予期せぬ原因により終了しました|予期しない原因で終了しました|開始できませんでした|タイムアウト|応答しませんでした|ログオンに失敗しました|失敗しました`,
      name: LOUD('status.failure'),
    },
    { match: r`再開|再起動`, name: WARN('status.recovery') },
  ],
};

R['service-name'] = {
  match: r`${WL}Cisco(?: [A-Z][\w-]*+){1,5}`, // bounded: each start scans at most five words
  name: S.service,
};

R.placeholder = { match: r`%(?:\d++|n${WR})`, name: S.placeholder };

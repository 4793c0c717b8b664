// Runbook-specific labels (where each command runs). Every other client text, and the locale resolver,
// live in ../strings.ts, one table for the whole client. Pure: no `vscode` import, unit-tested.
import type { RunbookCommand } from '../../../engine/src/runbook-types';
import type { Lang } from '../strings';

export { type Lang, type UiKey, resolveLanguage, ui } from '../strings';

const WHERE: Record<RunbookCommand['where'], { en: string; ja: string }> = {
  publisher: { en: 'On the publisher', ja: 'パブリッシャで実行' },
  subscribers: { en: 'On each subscriber', ja: '各サブスクライバで実行' },
  'every-node': { en: 'On every node (publisher and subscribers)', ja: '全ノード（パブリッシャと各サブスクライバ）で実行' },
  uccx: { en: 'On the UCCX server', ja: 'UCCX サーバで実行' },
  any: { en: 'On any node of the cluster', ja: 'クラスタの任意のノードで実行' },
  workstation: { en: 'On your workstation (downloaded logs)', ja: '作業用 PC で実行（取得したログに対して）' },
  node: { en: 'On the affected node', ja: '該当するノードで実行' },
};

export function whereLabel(lang: Lang, where: string): string {
  const w = (WHERE as Record<string, { en: string; ja: string } | undefined>)[where];
  return w ? w[lang] : where;
}

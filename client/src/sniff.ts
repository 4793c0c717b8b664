import * as vscode from 'vscode';
import { detectFormat } from '../../engine/src/format';
import { SNIFFED_LANGUAGES } from './languages';

const SNIFF_LINES = 64;

/** First lines of a document, enough to recognise CUCM/UCCX output without reading a huge file. */
export function headOf(doc: vscode.TextDocument): string {
  return doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, SNIFF_LINES), 0));
}

/**
 * A CLI session or web page saved by hand as .txt or .log opens as plain text or `log`. When its first
 * lines look like CUCM/UCCX output, switch it to our language mode (setting cucmTraceLens.detectContent).
 */
export async function maybeSwitchLanguage(doc: vscode.TextDocument): Promise<void> {
  if (!SNIFFED_LANGUAGES.has(doc.languageId) || doc.uri.scheme === 'output' || doc.uri.scheme === 'git') return;
  if (!vscode.workspace.getConfiguration('cucmTraceLens', doc.uri).get<boolean>('detectContent', true)) return;
  const format = detectFormat(headOf(doc));
  if (format) await vscode.languages.setTextDocumentLanguage(doc, format);
}

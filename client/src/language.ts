import * as vscode from 'vscode';
import { type Lang, type TextKey, resolveLanguage, ui } from './strings';

/** The language of our own texts: `cucmTraceLens.language`, or VS Code's display language for `auto`. */
export function uiLanguage(): Lang {
  return resolveLanguage(vscode.workspace.getConfiguration('cucmTraceLens').get('language'), vscode.env.language);
}

/** A client text (prompt, picker, notification) in the language the setting asks for. */
export function say(key: TextKey, ...args: Array<string | number>): string {
  return ui(uiLanguage(), key, ...args);
}

/** `1 finding`, `3 findings`. */
export function findingsText(n: number): string {
  return n === 1 ? say('findingsCountOne') : say('findingsCount', n);
}

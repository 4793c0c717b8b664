import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { looksLikeCucmWebPage } from '../../engine/src/format';
import { LANGUAGE_IDS } from './languages';
import { headOf } from './sniff';

/** Saved browser pages keep their own mode; these are the modes they open in. */
export const WEB_PAGE_LANGUAGES = ['html', 'plaintext'] as const;

const ours = new Set<string>(LANGUAGE_IDS);

/**
 * The selector also matches HTML and plain-text documents, so an admin page the engineer saved
 * ("You Are Not Authorized to View This Page", "/ccmadmin was not found") is analyzed without losing its
 * HTML mode. This middleware lets such a document through only when it is recognisably CUCM's, and keeps
 * open/change/close consistent for the documents it let through.
 */
export function webPageMiddleware(): Middleware {
  const accepted = new Set<string>();
  const wanted = (doc: vscode.TextDocument): boolean =>
    ours.has(doc.languageId) ||
    (vscode.workspace.getConfiguration('cucmTraceLens', doc.uri).get<boolean>('detectContent', true) &&
      looksLikeCucmWebPage(headOf(doc)));
  return {
    didOpen: (doc, next) => {
      if (!wanted(doc)) return Promise.resolve();
      accepted.add(doc.uri.toString());
      return next(doc);
    },
    didChange: (e, next) => (accepted.has(e.document.uri.toString()) ? next(e) : Promise.resolve()),
    didClose: (doc, next) => (accepted.delete(doc.uri.toString()) ? next(doc) : Promise.resolve()),
  };
}

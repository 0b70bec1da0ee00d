import { Menu, type WebContents } from 'electron';
import { contextMenuTemplate } from './context-menu.js';

/** The spellcheck and edit menu on right-click, with Electron's own spellchecker and dictionary. */
export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}

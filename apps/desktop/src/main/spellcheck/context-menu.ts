import type { MenuItemConstructorOptions } from 'electron';

/** The parts of Electron's `context-menu` params the menu is built from. */
export interface ContextMenuInput {
  isEditable: boolean;
  misspelledWord: string;
  dictionarySuggestions: string[];
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export interface SpellcheckActions {
  replaceMisspelling: (word: string) => void;
  addToDictionary: (word: string) => void;
}

const maxSuggestions = 5;

/**
 * The right-click menu of a text field (the composer): spelling suggestions and "Add to
 * dictionary" for a misspelled word, then the usual edit commands. Outside a field only Copy, for
 * selected text; nothing at all (no menu) otherwise.
 */
export function contextMenuTemplate(input: ContextMenuInput, act: SpellcheckActions): MenuItemConstructorOptions[] {
  if (!input.isEditable) {
    return input.selectionText.trim() !== '' && input.editFlags.canCopy ? [{ role: 'copy', label: 'Copy' }] : [];
  }
  const spelling: MenuItemConstructorOptions[] = [];
  const word = input.misspelledWord.trim();
  if (word !== '') {
    const suggestions = input.dictionarySuggestions.slice(0, maxSuggestions);
    if (suggestions.length === 0) spelling.push({ label: 'No suggestions', enabled: false });
    for (const suggestion of suggestions) spelling.push({ label: suggestion, click: () => act.replaceMisspelling(suggestion) });
    spelling.push({ type: 'separator' }, { label: 'Add to dictionary', click: () => act.addToDictionary(word) }, { type: 'separator' });
  }
  return [
    ...spelling,
    { role: 'cut', label: 'Cut', enabled: input.editFlags.canCut },
    { role: 'copy', label: 'Copy', enabled: input.editFlags.canCopy },
    { role: 'paste', label: 'Paste', enabled: input.editFlags.canPaste },
    { type: 'separator' },
    { role: 'selectAll', label: 'Select all', enabled: input.editFlags.canSelectAll },
  ];
}

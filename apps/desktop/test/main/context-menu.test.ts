import { describe, expect, it } from 'vitest';
import { contextMenuTemplate, type ContextMenuInput } from '../../src/main/spellcheck/context-menu.js';

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const field = (over: Partial<ContextMenuInput> = {}): ContextMenuInput => ({
  isEditable: true,
  misspelledWord: '',
  dictionarySuggestions: [],
  selectionText: '',
  editFlags: flags,
  ...over,
});

describe('the composer’s context menu', () => {
  it('offers suggestions that replace the word, and "Add to dictionary"', () => {
    const done: string[] = [];
    const menu = contextMenuTemplate(field({ misspelledWord: 'teh', dictionarySuggestions: ['the', 'tech', 'ten', 'tea', 'eh', 'Ted'] }), {
      replaceMisspelling: (w) => done.push(`replace ${w}`),
      addToDictionary: (w) => done.push(`add ${w}`),
    });
    expect(menu.slice(0, 5).map((i) => i.label)).toEqual(['the', 'tech', 'ten', 'tea', 'eh']);
    menu[0]?.click?.(undefined as never, undefined, undefined as never);
    menu.find((i) => i.label === 'Add to dictionary')?.click?.(undefined as never, undefined, undefined as never);
    expect(done).toEqual(['replace the', 'add teh']);
    expect(menu.filter((i) => i.role).map((i) => i.role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('says so when the spellchecker has no suggestion', () => {
    const menu = contextMenuTemplate(field({ misspelledWord: 'Parleyish' }), { replaceMisspelling: () => undefined, addToDictionary: () => undefined });
    expect(menu[0]).toEqual({ label: 'No suggestions', enabled: false });
    expect(menu.some((i) => i.label === 'Add to dictionary')).toBe(true);
  });

  it('a correctly spelled field gets the edit commands only, enabled as the page says', () => {
    const menu = contextMenuTemplate(field({ editFlags: { ...flags, canCut: false, canCopy: false } }), { replaceMisspelling: () => undefined, addToDictionary: () => undefined });
    expect(menu.map((i) => [i.role ?? i.type, i.enabled])).toEqual([
      ['cut', false],
      ['copy', false],
      ['paste', true],
      ['separator', undefined],
      ['selectAll', true],
    ]);
  });

  it('outside a field: Copy for selected text, else no menu at all', () => {
    const act = { replaceMisspelling: () => undefined, addToDictionary: () => undefined };
    expect(contextMenuTemplate(field({ isEditable: false, selectionText: 'hello' }), act)).toEqual([{ role: 'copy', label: 'Copy' }]);
    expect(contextMenuTemplate(field({ isEditable: false }), act)).toEqual([]);
  });
});

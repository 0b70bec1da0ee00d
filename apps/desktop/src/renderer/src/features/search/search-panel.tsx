import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { searchLimits } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { resultConversation } from '../../actions/search-actions';
import { appStore, useApp } from '../../stores/app-store';
import { Dialog } from '../../ui/dialog';
import { SearchResultRow } from './search-result-row';
import { useSearchShortcut } from './search-shortcut';
import './search.css';

// Typing pauses this long before the query is sent: one search per thought, not per key.
const typingPauseMs = 250;

/** The search box and its results; Ctrl/Cmd+F opens it from anywhere in the chat. */
export function SearchPanel() {
  const open = useApp((s) => s.search.open);
  const openSearch = useCallback(() => appStore.getState().openSearch(), []);
  useSearchShortcut(openSearch);
  return open ? <SearchDialog /> : null;
}

function SearchDialog() {
  const search = useApp((s) => s.search);
  const [text, setText] = useState(search.query);
  const inputRef = useRef<HTMLInputElement>(null);
  const statusId = useId();

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  useEffect(() => {
    if (text === appStore.getState().search.query) return;
    const timer = setTimeout(() => void actions.search(text), typingPauseMs);
    return () => clearTimeout(timer);
  }, [text]);

  const close = () => appStore.getState().closeSearch();
  const status =
    search.status === 'error'
      ? search.error
      : search.status === 'loading' && search.results.length === 0
        ? 'Searching…'
        : search.status === 'ready' && search.results.length === 0
          ? `No messages match “${search.query}”.`
          : search.status === 'ready' && search.insideWords
            ? 'No word starts with that; showing matches inside words.'
            : null;

  return (
    <Dialog title="Search messages" onClose={close}>
      <form
        className="search-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void actions.search(text);
        }}
      >
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          aria-label="Search messages"
          aria-describedby={statusId}
          placeholder="Words from a message, a person, a group…"
          maxLength={searchLimits.queryMaxCodePoints}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </form>
      <p id={statusId} className="search-status" role="status">
        {status}
      </p>
      {search.results.length > 0 ? (
        <ul className="search-results" aria-label="Search results">
          {search.results.map((result) => (
            <SearchResultRow
              key={`${result.chat_type}:${result.message.id}`}
              result={result}
              onOpen={() => {
                close();
                void actions.openAt(resultConversation(result), result.message.id);
              }}
            />
          ))}
        </ul>
      ) : null}
      {search.next !== null ? (
        <button type="button" className="button secondary search-more" disabled={search.status === 'loading'} onClick={() => void actions.search(search.query, true)}>
          {search.status === 'loading' ? 'Loading…' : 'Older results'}
        </button>
      ) : null}
    </Dialog>
  );
}

/** A button for the sidebar: the same search, for those who do not use the shortcut. */
export function SearchButton() {
  const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  return (
    <button type="button" className="search-button" onClick={() => appStore.getState().openSearch()} aria-keyshortcuts={isMac ? 'Meta+F' : 'Control+F'}>
      <span>Search</span>
      <kbd>{isMac ? '⌘F' : 'Ctrl+F'}</kbd>
    </button>
  );
}

import type { SearchResult } from '@parley/shared';
import { formatDay, formatTime, fullName } from '../../lib/format';
import { HighlightedText } from './highlighted-text';

function conversationLabel(result: SearchResult): string {
  if (result.chat_type === 'group') return `#${result.conversation_name}`;
  return result.conversation_name;
}

/** One result: who, where and when, then the message with its matched words marked. */
export function SearchResultRow({ result, onOpen }: { result: SearchResult; onOpen: () => void }) {
  const sender = result.sender ? fullName(result.sender) : 'Parley Bot';
  const when = `${formatDay(result.message.timestamp)} ${formatTime(result.message.timestamp)}`;
  return (
    <li>
      <button type="button" className="search-result" onClick={onOpen}>
        <span className="search-result-meta">
          <span className="search-result-sender">{sender}</span>
          <span className="search-result-place">in {conversationLabel(result)}</span>
          <time dateTime={result.message.timestamp}>{when}</time>
        </span>
        <span className="search-result-text">
          <HighlightedText text={result.message.message} ranges={result.highlights} />
        </span>
      </button>
    </li>
  );
}

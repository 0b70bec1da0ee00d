import { useApp } from '../../stores/app-store';
import { ConnectionBar } from '../connection/connection-bar';
import { SearchPanel } from '../search/search-panel';
import { Sidebar } from '../sidebar/sidebar';
import { ConversationPane } from './conversation-pane';

export function ChatLayout() {
  const active = useApp((s) => s.active);
  return (
    <div className="chat-layout">
      <Sidebar />
      <div className="chat-main">
        <ConnectionBar />
        {active ? <ConversationPane conversation={active} /> : <div className="splash">Pick a conversation</div>}
      </div>
      <SearchPanel />
    </div>
  );
}

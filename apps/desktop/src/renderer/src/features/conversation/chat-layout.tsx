import { useApp } from '../../stores/app-store';
import { ConnectionBar } from '../connection/connection-bar';
import { SearchPanel } from '../search/search-panel';
import { useConversationSteps } from '../keyboard/use-conversation-steps';
import { QuickSwitcher } from '../quick-switcher/quick-switcher';
import { Sidebar } from '../sidebar/sidebar';
import { ConversationPane } from './conversation-pane';

export function ChatLayout() {
  const active = useApp((s) => s.active);
  useConversationSteps();
  return (
    <div className="chat-layout">
      <Sidebar />
      <div className="chat-main">
        <ConnectionBar />
        {active ? <ConversationPane conversation={active} /> : <div className="splash">Pick a conversation</div>}
      </div>
      <SearchPanel />
      <QuickSwitcher />
    </div>
  );
}

import { Avatar } from '../../ui/avatar';

export function BotHeader() {
  return (
    <header className="pane-header">
      <Avatar user={null} />
      <div className="pane-title">
        <h1>Parley Bot</h1>
        <p className="pane-subtitle">Your assistant. Try “help”.</p>
      </div>
    </header>
  );
}

export function BotIntro() {
  return (
    <div className="intro">
      <Avatar user={null} />
      <h2>Parley Bot</h2>
      <p>Ask the bot anything, or type “help” to see what it can do. Only you can see this conversation.</p>
    </div>
  );
}

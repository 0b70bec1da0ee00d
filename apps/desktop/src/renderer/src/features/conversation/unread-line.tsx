import './unread-line.css';
/** The line above the first message that was unread when the conversation was opened. */
export function UnreadLine() {
  return (
    <div className="unread-line" role="separator" aria-label="New messages">
      <span>New messages</span>
    </div>
  );
}

/** Under a history opened at an older message: the newest messages are not loaded yet. */
export function NewerBar({ onShow }: { onShow: () => void }) {
  return (
    <div className="newer-bar">
      <span>You are viewing older messages.</span>
      <button type="button" className="link-button" onClick={onShow}>
        Jump to the newest
      </button>
    </div>
  );
}

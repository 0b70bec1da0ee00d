import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { ConversationKey } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { Dialog } from '../../ui/dialog';

/** The few emoji offered at a click; any single emoji is accepted by the server. */
export const quickReactions = ['👍', '❤️', '😄', '🎉', '👀', '🙏'] as const;

/**
 * The actions shown while hovering a message: React for anyone's, Edit and Delete for one's own.
 * Delete asks first; there is no undo.
 */
export function MessageActions({
  conversation,
  messageId,
  own,
  onEdit,
}: {
  conversation: ConversationKey;
  messageId: number;
  own: boolean;
  onEdit: () => void;
}) {
  const [picking, setPicking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className={picking || confirming ? 'message-actions open' : 'message-actions'} role="toolbar" aria-label="Message actions">
      {picking ? (
        <div className="reaction-picker" role="group" aria-label="Add a reaction">
          {quickReactions.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="reaction-pick"
              aria-label={`React with ${emoji}`}
              onClick={() => {
                setPicking(false);
                void actions.react(conversation, messageId, emoji);
              }}
            >
              {emoji}
            </button>
          ))}
        </div>
      ) : null}
      <button type="button" className="message-action" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
        React
      </button>
      {own ? (
        <>
          <button type="button" className="message-action" onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="message-action" onClick={() => setConfirming(true)}>
            Delete
          </button>
        </>
      ) : null}
      {/* Outside the toolbar, which hides when the pointer leaves the message. */}
      {confirming
        ? createPortal(
        <Dialog title="Delete message?" onClose={() => setConfirming(false)}>
          <p className="dialog-text">It will be removed for everyone in this conversation. This cannot be undone.</p>
          <div className="dialog-actions">
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="button danger"
              onClick={() => {
                setConfirming(false);
                void actions.delete(conversation, messageId);
              }}
            >
              Delete
            </button>
          </div>
        </Dialog>,
            document.body,
          )
        : null}
    </div>
  );
}

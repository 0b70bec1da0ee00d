import type { ConversationKey, Reaction } from '@parley/shared';
import { actions } from '../../actions/app-actions';
import { useApp } from '../../stores/app-store';
import { fullName } from '../../lib/format';
import { reactionLabel } from './reaction-label';


/** The emoji on a message as chips below it; a click toggles one's own. */
export function ReactionChips({ reactions, messageId, conversation }: { reactions: Reaction[]; messageId: number; conversation: ConversationKey }) {
  const selfId = useApp((s) => s.self?.user_id ?? null);
  const users = useApp((s) => s.users);
  const self = useApp((s) => s.self);
  if (reactions.length === 0) return null;
  const nameOf = (userId: number) => {
    if (userId === selfId) return self ? fullName(self) : 'You';
    const user = users[userId];
    return user ? fullName(user) : 'Someone';
  };
  return (
    <div className="reaction-chips">
      {reactions.map((reaction) => {
        const mine = selfId !== null && reaction.user_ids.includes(selfId);
        const label = reactionLabel(reaction, nameOf);
        return (
          <button
            key={reaction.emoji}
            type="button"
            className={mine ? 'reaction-chip mine' : 'reaction-chip'}
            aria-pressed={mine}
            aria-label={label}
            title={label}
            onClick={() => void actions.react(conversation, messageId, reaction.emoji)}
          >
            <span className="reaction-emoji">{reaction.emoji}</span>
            <span className="reaction-count">{reaction.user_ids.length}</span>
          </button>
        );
      })}
    </div>
  );
}

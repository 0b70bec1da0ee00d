import { useEffect, useState } from 'react';
import type { ConversationKey } from '@parley/shared';
import { useApp } from '../../stores/app-store';
import { typingUserIds } from '../../stores/typing-slice';

/** "Bob is typing…" above the composer; it fades on its own once the events stop. */
export function TypingLine({ conversation }: { conversation: ConversationKey }) {
  const typing = useApp((s) => s.typing[conversation]);
  const users = useApp((s) => s.users);
  const [now, setNow] = useState(() => Date.now());
  const ids = typingUserIds(typing, now);

  // Re-read the clock while someone is shown, so the line clears when their time is up.
  useEffect(() => {
    setNow(Date.now());
    if (!typing || Object.keys(typing).length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [typing]);

  const names = ids.map((id) => users[id]?.first_name ?? 'Someone');
  const text =
    names.length === 0
      ? ''
      : names.length === 1
        ? `${names[0]} is typing…`
        : names.length === 2
          ? `${names[0]} and ${names[1]} are typing…`
          : 'Several people are typing…';
  return (
    <div className="typing-line" aria-live="polite">
      {text}
    </div>
  );
}

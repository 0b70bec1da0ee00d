import type { MentionCandidate } from './mention-completion';

/** The people an "@" being typed can mean; the composer keeps focus and moves the selection. */
export function MentionList({ candidates, selected, onPick }: { candidates: MentionCandidate[]; selected: number; onPick: (c: MentionCandidate) => void }) {
  return (
    <ul className="mention-list" role="listbox" id="mention-list" aria-label="People to mention">
      {candidates.map((c, i) => (
        <li
          key={c.userId}
          id={`mention-option-${c.userId}`}
          role="option"
          aria-selected={i === selected}
          className={i === selected ? 'mention-option selected' : 'mention-option'}
          // Keeps the textarea focused: the pick happens on mouse down, before a blur.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(c);
          }}
        >
          @{c.name}
        </li>
      ))}
    </ul>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { actions } from '../../actions/app-actions';
import { useApp } from '../../stores/app-store';
import type { ConversationKey } from '@parley/shared';
import { emptyConversation } from '../../stores/conversations-slice';
import { buildRows } from './rows';
import { DaySeparator, MessageRow } from './message-row';
import { NewerBar, UnreadLine } from './unread-line';

// Start fetching older history while this much of it is still above the viewport.
const loadOlderThresholdPx = 600;
const stickToBottomPx = 120;

/**
 * The conversation's history as a virtualised list: only the rows in view are in the DOM, so
 * 10,000 messages scroll as smoothly as ten. Scrolling near the top loads the next older page;
 * the view stays put when it arrives and follows new messages only when already at the bottom.
 */
export function MessageList({ conversation, intro }: { conversation: ConversationKey; intro: React.ReactNode }) {
  const state = useApp((s) => s.conversations[conversation] ?? emptyConversation);
  const rows = useMemo(() => buildRows(state.messages, state.notices, state.firstUnreadId), [state.messages, state.notices, state.firstUnreadId]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  // Row 0 is the top of the history: a loading line, or the conversation's introduction.
  const virtualizer = useVirtualizer({
    count: rows.length + 1,
    getScrollElement: () => scrollRef.current,
    // Close estimates keep the reading position steady while prepended rows get measured.
    estimateSize: (i) => {
      const row = i === 0 ? null : rows[i - 1];
      if (!row) return 120;
      if (row.kind === 'message') return row.showHeader ? 55 : 24;
      return row.kind === 'day' || row.kind === 'unread' ? 41 : 30;
    },
    getItemKey: (i) => (i === 0 ? 'top' : rows[i - 1]?.key ?? i),
    overscan: 12,
    paddingEnd: 16,
  });

  // Keep the reading position when an older page is prepended. The first *message* tells: the
  // first row is often the same day separator before and after.
  const firstKey = state.messages[0]?.key;
  const lastKey = rows[rows.length - 1]?.key;
  const previous = useRef<{ firstKey: string | undefined; lastKey: string | undefined; total: number; conversation: ConversationKey } | null>(null);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    const before = previous.current;
    const total = virtualizer.getTotalSize();
    if (el) {
      if (!before || before.conversation !== conversation) {
        virtualizer.scrollToIndex(rows.length, { align: 'end' });
        atBottom.current = true;
      } else if (before.firstKey !== firstKey && before.lastKey === lastKey && before.firstKey !== undefined) {
        el.scrollTop += total - before.total;
      } else if (before.lastKey !== lastKey) {
        const last = rows[rows.length - 1];
        const mine = last?.kind === 'message' && last.message.status === 'pending';
        if (atBottom.current || mine) virtualizer.scrollToIndex(rows.length, { align: 'end' });
      }
    }
    previous.current = { firstKey, lastKey, total, conversation };
  }, [conversation, firstKey, lastKey, rows, virtualizer]);

  // Opened at a message (a search result) or with unread messages: show that place, not the end.
  // Each target is scrolled to once; the bottom is followed again once the reader gets there.
  const target =
    state.focusId !== null
      ? { id: `focus:${state.focusId}`, index: rows.findIndex((r) => r.kind === 'message' && r.message.id === state.focusId), align: 'center' as const }
      : state.firstUnreadId !== null
        ? { id: `unread:${state.firstUnreadId}`, index: rows.findIndex((r) => r.kind === 'unread'), align: 'start' as const }
        : null;
  const reached = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (state.status !== 'ready') return;
    if (!target) {
      // Back from a place in the past to the newest messages: follow the end again.
      if (reached.current?.startsWith('focus:')) {
        reached.current = null;
        atBottom.current = true;
        virtualizer.scrollToIndex(rows.length, { align: 'end' });
      }
      return;
    }
    if (target.index < 0 || reached.current === target.id) return;
    reached.current = target.id;
    atBottom.current = false;
    virtualizer.scrollToIndex(target.index + 1, { align: target.align });
    // Measured rows move the place: settle on it again once they are.
    const id = requestAnimationFrame(() => virtualizer.scrollToIndex(target.index + 1, { align: target.align }));
    return () => cancelAnimationFrame(id);
  }, [state.status, target?.id, target?.index, target?.align, rows.length, virtualizer]);

  // Until the rows are measured, the end moves; follow it while the user has not scrolled away.
  useEffect(() => {
    if (state.status !== 'ready') return;
    const id = requestAnimationFrame(() => {
      if (atBottom.current) virtualizer.scrollToIndex(rows.length, { align: 'end' });
    });
    return () => cancelAnimationFrame(id);
  }, [state.status, rows.length, virtualizer]);

  // A growing draft or a narrower window shrinks the view (and rewraps, so lengthens, the rows)
  // without any scroll event; whoever was reading the newest message should still see it rather
  // than find it hidden under the composer.
  useEffect(() => {
    const el = scrollRef.current;
    const canvas = canvasRef.current;
    if (!el || !canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  function onScroll() {
    const el = scrollRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < stickToBottomPx;
    if (el.scrollTop < loadOlderThresholdPx && state.hasMore && !state.loadingOlder) void actions.loadOlder(conversation);
  }

  // A page that leaves the view still near the top (or a history shorter than the window)
  // fires no scroll event: ask for the next one here.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || state.status !== 'ready' || !state.hasMore || state.loadingOlder) return;
    if (el.scrollTop < loadOlderThresholdPx && !atBottom.current) void actions.loadOlder(conversation);
  }, [state.status, state.hasMore, state.loadingOlder, firstKey, conversation]);

  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  // A short conversation sits at the bottom, next to the composer, as chat reads.
  const gap = Math.max(0, (virtualizer.scrollRect?.height ?? 0) - total);
  return (
    <>
    <div className="message-scroll" ref={scrollRef} onScroll={onScroll} data-testid="message-list">
      <div className="message-canvas" ref={canvasRef} style={{ height: total + gap }}>
        <div className="message-window" style={{ transform: `translateY(${(items[0]?.start ?? 0) + gap}px)` }}>
          {items.map((item) => {
            const row = item.index === 0 ? null : rows[item.index - 1];
            return (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement}>
                {item.index === 0 ? (
                  state.hasMore || state.status === 'loading' ? (
                    <div className="history-loading" role="status">
                      Loading earlier messages…
                    </div>
                  ) : (
                    intro
                  )
                ) : row?.kind === 'day' ? (
                  <DaySeparator timestamp={row.timestamp} />
                ) : row?.kind === 'notice' ? (
                  <div className="notice">{row.notice.text}</div>
                ) : row?.kind === 'unread' ? (
                  <UnreadLine />
                ) : row?.kind === 'message' ? (
                  <MessageRow
                    message={row.message}
                    showHeader={row.showHeader}
                    conversation={conversation}
                    focused={state.focusId !== null && row.message.id === state.focusId}
                  />
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
    {state.hasNewer ? <NewerBar onShow={() => void actions.open(conversation)} /> : null}
    </>
  );
}

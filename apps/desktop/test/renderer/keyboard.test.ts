import { describe, expect, it } from 'vitest';
import type { ChatGroupSummary, UserWithPresence } from '@parley/shared';
import { loginBlocker } from '../../src/renderer/src/features/auth/login-readiness';
import { conversationStepOf, isQuickSwitcherShortcut, type KeyPress } from '../../src/renderer/src/features/keyboard/shortcuts';
import { switcherItems } from '../../src/renderer/src/features/quick-switcher/switcher-items';
import { selectConversationOrder, stepConversation } from '../../src/renderer/src/stores/conversation-order';
import { alice, bob, carol } from './fake-bridge';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

const renee: UserWithPresence = { user_id: 4, first_name: 'Renée', last_name: 'Roux', online: false };
const users = { 1: { ...alice, online: true }, 2: bob, 3: carol, 4: renee };
const groups: Record<number, ChatGroupSummary> = {
  7: { chat_group_id: 7, chat_group_name: 'Design review' } as ChatGroupSummary,
  8: { chat_group_id: 8, chat_group_name: 'Bob’s corner' } as ChatGroupSummary,
};
const state = { users, groups, self: alice, lastActivityByUser: {}, unread: {} };

describe('conversation order and steps', () => {
  it('follows the sidebar: the bot, people by name, groups by name', () => {
    expect(selectConversationOrder(state)).toEqual(['bot', 'user:2', 'user:3', 'user:4', 'group:8', 'group:7']);
  });

  const order = selectConversationOrder(state);

  it('Alt+↓ and Alt+↑ go to the next and previous conversation, wrapping around', () => {
    expect(stepConversation(order, 'user:2', 'next', {}, false)).toBe('user:3');
    expect(stepConversation(order, 'user:2', 'previous', {}, false)).toBe('bot');
    expect(stepConversation(order, 'group:7', 'next', {}, false)).toBe('bot');
    expect(stepConversation(order, 'bot', 'previous', {}, false)).toBe('group:7');
  });

  it('with nothing open, next is the first and previous the last', () => {
    expect(stepConversation(order, null, 'next', {}, false)).toBe('bot');
    expect(stepConversation(order, null, 'previous', {}, false)).toBe('group:7');
  });

  it('Alt+Shift steps skip conversations without unread messages, and stay put when there are none', () => {
    const unread = { 'user:4': 2, 'group:7': 1, 'user:3': 0 };
    expect(stepConversation(order, 'bot', 'next', unread, true)).toBe('user:4');
    expect(stepConversation(order, 'user:4', 'next', unread, true)).toBe('group:7');
    expect(stepConversation(order, 'user:4', 'previous', unread, true)).toBe('group:7');
    expect(stepConversation(order, 'bot', 'next', {}, true)).toBeNull();
    expect(stepConversation(order, 'user:4', 'next', { 'user:4': 3 }, true)).toBeNull();
  });

  it('an empty list goes nowhere', () => {
    expect(stepConversation([], null, 'next', {}, false)).toBeNull();
  });
});

describe('shortcuts', () => {
  it('Ctrl+K and Cmd+K open the quick switcher; K alone, Ctrl+Shift+K and Ctrl+F do not', () => {
    expect(isQuickSwitcherShortcut(press('k', { ctrlKey: true }))).toBe(true);
    expect(isQuickSwitcherShortcut(press('K', { metaKey: true }))).toBe(true);
    expect(isQuickSwitcherShortcut(press('k'))).toBe(false);
    expect(isQuickSwitcherShortcut(press('K', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isQuickSwitcherShortcut(press('f', { ctrlKey: true }))).toBe(false);
  });

  it('Alt+arrows step, Alt+Shift+arrows step through unread, other modifiers do not', () => {
    expect(conversationStepOf(press('ArrowDown', { altKey: true }))).toEqual({ direction: 'next', unreadOnly: false });
    expect(conversationStepOf(press('ArrowUp', { altKey: true, shiftKey: true }))).toEqual({ direction: 'previous', unreadOnly: true });
    expect(conversationStepOf(press('ArrowDown'))).toBeNull();
    expect(conversationStepOf(press('ArrowDown', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(conversationStepOf(press('ArrowLeft', { altKey: true }))).toBeNull();
  });
});

describe('quick switcher items', () => {
  it('lists every conversation with an empty query, unread ones first', () => {
    const items = switcherItems({ ...state, unread: { 'group:7': 3 } }, '');
    expect(items[0]).toEqual({ key: 'group:7', name: 'Design review', unread: 3 });
    expect(items).toHaveLength(6);
  });

  it('matches every typed word anywhere in the name, ignoring case and accents', () => {
    expect(switcherItems(state, 'renee').map((i) => i.key)).toEqual(['user:4']);
    expect(switcherItems(state, 'REVIEW des').map((i) => i.key)).toEqual(['group:7']);
    expect(switcherItems(state, 'zzz')).toEqual([]);
  });

  it('names starting with the query come before names that only contain it, unread before both', () => {
    expect(switcherItems(state, 'bo').map((i) => i.key)).toEqual(['user:2', 'group:8', 'bot']);
    expect(switcherItems({ ...state, unread: { bot: 1 } }, 'bo').map((i) => i.key)).toEqual(['bot', 'user:2', 'group:8']);
  });
});

describe('the Log in button', () => {
  it('gives the reason while the form is incomplete, and none once it is', () => {
    expect(loginBlocker({ email: '', password: '' })).toBe('Enter your email and password to log in.');
    expect(loginBlocker({ email: '  ', password: 'x' })).toBe('Enter your email to log in.');
    expect(loginBlocker({ email: 'a@b.c', password: '' })).toBe('Enter your password to log in.');
    expect(loginBlocker({ email: 'a@b.c', password: 'x' })).toBeNull();
  });
});

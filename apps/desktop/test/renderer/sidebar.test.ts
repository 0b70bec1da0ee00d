import { describe, expect, it } from 'vitest';
import { handleServerEvent } from '../../src/renderer/src/actions/server-events';
import { selectGroupIds, selectPeopleIds, sortPeople } from '../../src/renderer/src/stores/sidebar-selectors';
import { alice, bob, carol, setup } from './fake-bridge';

describe('sidebar', () => {
  it('people exclude yourself and are ordered by name without activity', () => {
    expect(sortPeople([carol, { ...alice, online: true }, bob], alice.user_id, {}).map((u) => u.user_id)).toEqual([2, 3]);
  });

  it('the person with the most recent message comes first', () => {
    const order = sortPeople([bob, carol], alice.user_id, { 3: '2026-11-24T09:00:00.000Z' });
    expect(order.map((u) => u.user_id)).toEqual([3, 2]);
  });

  it('a new user appears live', async () => {
    const ctx = setup();
    await handleServerEvent(ctx, { event: 'user_registered', payload: { user_id: 9, first_name: 'Dan', last_name: 'Dare' } });
    expect(selectPeopleIds(ctx.store.getState())).toContain(9);
  });

  it('a new group appears live', async () => {
    const ctx = setup();
    await handleServerEvent(ctx, { event: 'group_created', payload: { chat_group_id: 4, chat_group_name: 'Design', author_id: 2 } });
    expect(selectGroupIds(ctx.store.getState())).toEqual([4]);
  });

  it('presence changes update the online dot', async () => {
    const ctx = setup();
    await handleServerEvent(ctx, { event: 'presence', payload: { user_id: 3, online: true } });
    expect(ctx.store.getState().users[3]?.online).toBe(true);
  });

  it('a coalesced presence batch updates every dot it names', async () => {
    const ctx = setup();
    await handleServerEvent(ctx, { event: 'presence', payload: { user_id: 3, online: true } });
    await handleServerEvent(ctx, { event: 'presence', payload: { changes: [{ user_id: 3, online: false }, { user_id: 2, online: true }] } });
    expect([ctx.store.getState().users[2]?.online, ctx.store.getState().users[3]?.online]).toEqual([true, false]);
  });

  it('a coalesced group_presence batch updates who is present and notes each change', async () => {
    const ctx = setup();
    ctx.store.getState().updateConversation('group:5', (c) => ({ ...c, status: 'ready' }));
    ctx.store.getState().setPresent(5, [3]);
    await handleServerEvent(ctx, {
      event: 'group_presence',
      payload: {
        chat_group_id: 5,
        changes: [
          { user_id: 2, first_name: 'Bob', last_name: 'Babbage', present: true },
          { user_id: 3, first_name: 'Cy', last_name: 'Clark', present: false },
        ],
      },
    });
    expect(ctx.store.getState().presentByGroup[5]).toEqual([2]);
    expect(ctx.store.getState().conversations['group:5']?.notices.map((n) => n.text)).toEqual(['Bob Babbage joined', 'Cy Clark left']);
  });

  it('someone entering the open group is listed as present and noted inline', async () => {
    const ctx = setup();
    ctx.store.getState().updateConversation('group:5', (c) => ({ ...c, status: 'ready' }));
    await handleServerEvent(ctx, {
      event: 'group_presence',
      payload: { chat_group_id: 5, user_id: 2, first_name: 'Bob', last_name: 'Babbage', present: true },
    });
    expect(ctx.store.getState().presentByGroup[5]).toEqual([2]);
    expect(ctx.store.getState().conversations['group:5']?.notices.map((n) => n.text)).toEqual(['Bob Babbage joined']);
  });
});

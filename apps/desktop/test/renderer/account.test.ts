import { describe, expect, it, vi } from 'vitest';
import { changePassword, requestPasswordReset, updateMe } from '../../src/renderer/src/actions/account-actions';
import { handleServerEvent } from '../../src/renderer/src/actions/server-events';
import { formatLastUse } from '../../src/renderer/src/features/account/last-use';
import { alice, bob, setup } from './fake-bridge';

describe('names that change', () => {
  it('user_updated renames the person live, keeping whether they are online', async () => {
    const ctx = setup();
    await handleServerEvent(ctx, { event: 'user_updated', payload: { user_id: bob.user_id, first_name: 'Robert', last_name: 'Babbage' } });
    expect(ctx.store.getState().users[bob.user_id]).toEqual({ ...bob, first_name: 'Robert' });
    expect(ctx.store.getState().self).toEqual(alice);
  });

  it('user_updated about me (from another device) renames me too', async () => {
    const ctx = setup();
    await handleServerEvent(ctx, { event: 'user_updated', payload: { user_id: alice.user_id, first_name: 'Alicia', last_name: 'L' } });
    expect(ctx.store.getState().self).toEqual({ ...alice, first_name: 'Alicia', last_name: 'L' });
    expect(ctx.store.getState().users[alice.user_id]?.first_name).toBe('Alicia');
  });

  it('saving my names updates me and my entry in the people list at once', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.account.updateMe).mockResolvedValue({ ok: true, value: { ...alice, first_name: 'Al', last_name: 'Liddell' } });
    expect(await updateMe(ctx, { first_name: 'Al', last_name: 'Liddell' })).toBeNull();
    expect(ctx.bridge.account.updateMe).toHaveBeenCalledWith({ first_name: 'Al', last_name: 'Liddell' });
    expect(ctx.store.getState().self?.first_name).toBe('Al');
    expect(ctx.store.getState().users[alice.user_id]?.first_name).toBe('Al');
  });

  it('a refused rename changes nothing and hands back the error', async () => {
    const ctx = setup();
    const refused = { code: 'invalid_input' as const, message: 'Some fields are not valid.', fields: { first_name: 'must not be empty' } };
    vi.mocked(ctx.bridge.account.updateMe).mockResolvedValue({ ok: false, error: refused });
    expect(await updateMe(ctx, { first_name: ' ', last_name: 'Liddell' })).toEqual(refused);
    expect(ctx.store.getState().self).toEqual(alice);
  });
});

describe('passwords', () => {
  it('a reset request and a change pass through the bridge and answer null on success', async () => {
    const ctx = setup();
    expect(await requestPasswordReset(ctx, 'alice@example.com')).toBeNull();
    expect(ctx.bridge.auth.requestPasswordReset).toHaveBeenCalledWith('alice@example.com');
    expect(await changePassword(ctx, { current_password: 'old one!', new_password: 'new one!' })).toBeNull();
  });

  it('a wrong current password comes back as invalid_credentials, and I stay signed in', async () => {
    const ctx = setup();
    vi.mocked(ctx.bridge.account.changePassword).mockResolvedValue({ ok: false, error: { code: 'invalid_credentials', message: 'No.' } });
    expect(await changePassword(ctx, { current_password: 'wrong', new_password: 'new one!' })).toMatchObject({ code: 'invalid_credentials' });
    expect(ctx.store.getState().phase).toBe('signed-in');
  });
});

describe('last use of a session', () => {
  const now = new Date('2026-11-24T12:00:00.000Z');
  it.each([
    ['2026-11-24T11:59:30.000Z', 'just now'],
    ['2026-11-24T11:45:00.000Z', '15 minutes ago'],
    ['2026-11-24T11:00:00.000Z', '1 hour ago'],
    ['2026-11-24T07:00:00.000Z', '5 hours ago'],
  ])('%s → %s', (iso, expected) => {
    expect(formatLastUse(iso, now)).toBe(expected);
  });
});

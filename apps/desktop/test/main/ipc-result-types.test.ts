import { describe, expect, it } from 'vitest';
import { apiIpc, authIpc, type Result } from '@parley/shared/ipc';
import type { ParleyApi } from '@parley/shared/client';
import { handleInvoke } from '../../src/main/ipc/guard.js';
import { FakeIpcMain } from './fakes/fake-ipc.js';

// Compile-time checks, kept in a test file so `npm run typecheck` runs them: each
// `@ts-expect-error` fails the build the day the wrong answer would compile.
function wrongAnswersDoNotCompile(api: ParleyApi): void {
  const guard = { ipc: new FakeIpcMain(), isTrusted: () => true };
  // @ts-expect-error `api.users` must answer with the users, not the rooms.
  handleInvoke(guard, apiIpc.users, () => api.chatRooms());
  // @ts-expect-error `auth.keepsSignIn` answers a boolean.
  handleInvoke(guard, authIpc.keepsSignIn, () => ({ ok: true, value: 'yes' }) as const);
  handleInvoke(guard, apiIpc.users, () => api.users());
}

describe('IPC result types', () => {
  it('a handler answering its own method result registers its channel', () => {
    const ipc = new FakeIpcMain();
    const kept: Result<boolean> = { ok: true, value: true };
    handleInvoke({ ipc, isTrusted: () => true }, authIpc.keepsSignIn, () => kept);
    expect([ipc.handlers.has(authIpc.keepsSignIn.channel), typeof wrongAnswersDoNotCompile]).toEqual([true, 'function']);
  });
});

import { invalidInput, type ErrorDetail } from '@parley/shared';
import type { BridgeDomain, BridgeMethod, BridgeResult, IpcCall } from '@parley/shared/ipc';
import type { z } from 'zod';
import type { SenderInfo } from '../security/sender.js';

/** The part of Electron's `ipcMain` the handlers use, so tests register against a fake. */
export interface IpcMainPort {
  handle(channel: string, listener: (event: SenderInfo, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: SenderInfo, ...args: unknown[]) => void): void;
}

export interface IpcGuard {
  ipc: IpcMainPort;
  /** Whether a message comes from the app's own page (checked on every call). */
  isTrusted: (event: SenderInfo) => boolean;
  log?: (message: string) => void;
}

type Failure = { ok: false; error: ErrorDetail };

interface Contract<A extends z.ZodType<readonly unknown[]>> {
  readonly channel: string;
  readonly args: A;
}

const foreign: Failure = { ok: false, error: { code: 'forbidden', message: 'This request did not come from Parley.' } };

/**
 * Registers one request/response channel: refuses foreign senders, parses the arguments with the
 * contract's schema (bad ones get `invalid_input`), and turns a thrown error into `internal` so
 * nothing but a Result ever crosses back. The handler must answer with its bridge method's result.
 */
export function handleInvoke<D extends BridgeDomain, M extends BridgeMethod<D>, A extends z.ZodType<readonly unknown[]>>(
  guard: IpcGuard,
  contract: IpcCall<D, M, A>,
  handler: (args: z.output<A>) => Promise<BridgeResult<D, M>> | BridgeResult<D, M>,
): void {
  guard.ipc.handle(contract.channel, async (event, ...raw) => {
    if (!guard.isTrusted(event)) {
      guard.log?.(`refused ${contract.channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
      return foreign;
    }
    const parsed = contract.args.safeParse(raw);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error).toDetail() } satisfies Failure;
    try {
      return await handler(parsed.data);
    } catch (error) {
      guard.log?.(`${contract.channel} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong in Parley.' } } satisfies Failure;
    }
  });
}

/** Registers a one-way channel (`ipcRenderer.send`): foreign or malformed messages are dropped. */
export function handleSend<A extends z.ZodType<readonly unknown[]>>(
  guard: IpcGuard,
  contract: Contract<A>,
  handler: (args: z.output<A>) => void,
): void {
  guard.ipc.on(contract.channel, (event, ...raw) => {
    if (!guard.isTrusted(event)) return;
    const parsed = contract.args.safeParse(raw);
    if (parsed.success) handler(parsed.data);
  });
}

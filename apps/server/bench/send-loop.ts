import { randomUUID } from 'node:crypto';
import type { ClientToServerEvents, SendAck, ServerToClientEvents } from '@parley/shared';
import { io, type Socket } from 'socket.io-client';
import { median, percentile } from './stats.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A websocket-only client that does not reconnect: a dropped link fails the run. */
export function connect(url: string, token: string, timeoutMs = 10_000): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

export interface SendRun {
  count: number;
  elapsedMs: number;
  perSecond: number;
  ackMedianMs: number;
  ackP95Ms: number;
}

export interface SendLoopOptions {
  sender: ClientSocket;
  receiver: ClientSocket;
  otherUserId: number;
  count: number;
  /** Sends in flight at most: a client that pipelines, not one that floods. */
  window: number;
  timeoutMs: number;
}

/**
 * Emits `count` room messages with acknowledgements, keeping `window` in flight, and resolves
 * once every ack and every `message` echo at the receiver has arrived. Any refused send, or the
 * time limit, rejects. The same loop runs against Parley and against the bare baseline.
 */
export function runSendLoop(options: SendLoopOptions): Promise<SendRun> {
  const { sender, receiver, count, window } = options;
  return new Promise((resolve, reject) => {
    const ackMs: number[] = [];
    let sent = 0;
    let acked = 0;
    let echoes = 0;
    let settled = false;
    const started = performance.now();

    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      receiver.off('message', onEcho);
      sender.off('disconnect', onDrop);
      receiver.off('disconnect', onDrop);
      if (error) return reject(error);
      const elapsedMs = performance.now() - started;
      resolve({
        count,
        elapsedMs,
        perSecond: count / (elapsedMs / 1000),
        ackMedianMs: median(ackMs),
        ackP95Ms: percentile(ackMs, 95),
      });
    };
    const check = () => {
      if (acked === count && echoes === count) finish();
    };
    const onEcho = () => {
      echoes += 1;
      check();
    };
    const onDrop = (reason: string) => finish(new Error(`a socket dropped during the send loop: ${reason}`));
    const timer = setTimeout(
      () => finish(new Error(`send loop timed out: ${acked}/${count} acks, ${echoes}/${count} echoes`)),
      options.timeoutMs,
    );

    const pump = () => {
      while (!settled && sent < count && sent - acked < window) {
        const i = sent++;
        const emittedAt = performance.now();
        const payload = {
          chat_type: 'room',
          other_user_id: options.otherUserId,
          message: `Benchmark message ${i}: a line of ordinary chat text.`,
          client_id: randomUUID(),
        };
        sender.emit('message', payload, (ack: SendAck) => {
          ackMs.push(performance.now() - emittedAt);
          acked += 1;
          if (!ack.ok) return finish(new Error(`send ${i} was refused: ${ack.error.code} ${ack.error.message}`));
          check();
          pump();
        });
      }
    };

    receiver.on('message', onEcho);
    sender.on('disconnect', onDrop);
    receiver.on('disconnect', onDrop);
    pump();
  });
}

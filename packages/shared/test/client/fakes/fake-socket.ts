import type { SocketPort } from '../../../src/client/socket-port.js';

/** A socket the test drives: it connects, drops or refuses only when told. */
export class FakeSocket implements SocketPort {
  closed = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  answer: (event: string, payload: unknown) => Promise<unknown> = () => Promise.resolve({ ok: true });
  private connect: (() => void)[] = [];
  private disconnect: ((reason: string) => void)[] = [];
  private connectError: ((code: string | undefined) => void)[] = [];
  private events: ((event: string, payload: unknown) => void)[] = [];

  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  onConnect(listener: () => void) {
    this.connect.push(listener);
  }
  onDisconnect(listener: (reason: string) => void) {
    this.disconnect.push(listener);
  }
  onConnectError(listener: (code: string | undefined) => void) {
    this.connectError.push(listener);
  }
  onEvent(listener: (event: string, payload: unknown) => void) {
    this.events.push(listener);
  }
  request(event: string, payload: unknown): Promise<unknown> {
    this.sent.push({ event, payload });
    return this.answer(event, payload);
  }
  close() {
    this.closed = true;
  }

  serverAccepts() {
    for (const listener of this.connect) listener();
  }
  drops(reason = 'transport close') {
    for (const listener of this.disconnect) listener(reason);
  }
  refuses(code?: string) {
    for (const listener of this.connectError) listener(code);
  }
  serverSends(event: string, payload: unknown) {
    for (const listener of this.events) listener(event, payload);
  }
}

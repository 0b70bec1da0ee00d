import { loginResponseSchema, sendAckSchema, type SelfUser } from '@parley/shared';
import { io } from 'socket.io-client';
import { registrationLink } from './outbox';

export interface Person {
  first: string;
  last: string;
  email: string;
  password: string;
}

export function person(first: string, last: string): Person {
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  return { first, last, email: `${first.toLowerCase()}.${tag}@example.com`, password: 'correct horse battery' };
}

/** Registers and confirms someone over the API, the way a script or bot author would. */
export async function registerByApi(baseURL: string, dataDir: string, p: Person): Promise<void> {
  const response = await fetch(`${baseURL}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: p.email, password: p.password, first_name: p.first, last_name: p.last }),
  });
  if (response.status !== 202) throw new Error(`register answered ${response.status}`);
  const link = await registrationLink(dataDir, p.email);
  const confirm = await fetch(link, { headers: { accept: 'application/json' } });
  if (confirm.status !== 201) throw new Error(`confirm answered ${confirm.status}`);
}

export async function loginByApi(baseURL: string, p: Person): Promise<{ token: string; user: SelfUser }> {
  const response = await fetch(`${baseURL}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: p.email, password: p.password }),
  });
  return loginResponseSchema.parse(await response.json());
}

/**
 * Sends `count` messages "<prefix> 1" … "<prefix> count" to a person over socket.io, `parallel` at
 * a time (1 keeps them in order), each waiting for its acknowledgement.
 */
export async function seedRoomMessages(
  baseURL: string,
  token: string,
  otherUserId: number,
  count: number,
  prefix: string,
  parallel = 1,
): Promise<void> {
  const socket = io(baseURL, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const sendOne = async (i: number) => {
    const ack = sendAckSchema.parse(
      await socket.timeout(30_000).emitWithAck('message', { chat_type: 'room', other_user_id: otherUserId, message: `${prefix} ${i}` }),
    );
    if (!ack.ok) throw new Error(`send ${i} refused: ${ack.error.code}`);
  };
  try {
    // The first message creates the room; the rest may then travel side by side.
    await sendOne(1);
    for (let i = 2; i <= count; i += parallel) {
      const batch = Array.from({ length: Math.min(parallel, count - i + 1) }, (_, k) => sendOne(i + k));
      await Promise.all(batch);
    }
  } finally {
    socket.disconnect();
  }
}

/** A signed-in API client: REST with the token, and a socket for sends. */
export async function apiClient(baseURL: string, token: string) {
  const socket = io(baseURL, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    async request(method: string, path: string, body?: unknown): Promise<unknown> {
      const response = await fetch(`${baseURL}${path}`, {
        method,
        headers: { authentication: token, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.json();
    },
    async send(payload: Record<string, unknown>): Promise<void> {
      const ack = sendAckSchema.parse(await socket.timeout(10_000).emitWithAck('message', payload));
      if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
    },
    async leaveGroup(groupId: number): Promise<void> {
      await socket.timeout(10_000).emitWithAck('leave_group', { chat_group_id: groupId });
    },
    close: () => socket.disconnect(),
  };
}

/** Registers, confirms and signs in someone over the API. */
export async function signedInByApi(baseURL: string, dataDir: string, p: Person) {
  await registerByApi(baseURL, dataDir, p);
  const { token, user } = await loginByApi(baseURL, p);
  return { user, client: await apiClient(baseURL, token) };
}

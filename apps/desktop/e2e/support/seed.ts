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
 * Sends `count` messages "<prefix> 1" … "<prefix> count" to a person over socket.io, in order,
 * a batch at a time, each waiting for its acknowledgement.
 */
export async function seedRoomMessages(baseURL: string, token: string, otherUserId: number, count: number, prefix: string): Promise<void> {
  const socket = io(baseURL, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  try {
    for (let i = 1; i <= count; i++) {
      const ack = sendAckSchema.parse(
        await socket.timeout(10_000).emitWithAck('message', { chat_type: 'room', other_user_id: otherUserId, message: `${prefix} ${i}` }),
      );
      if (!ack.ok) throw new Error(`send ${i} refused: ${ack.error.code}`);
    }
  } finally {
    socket.disconnect();
  }
}

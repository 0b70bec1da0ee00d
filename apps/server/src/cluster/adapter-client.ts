import type { RedisClient } from './redis.js';

/** The commands the adapter sends without looking at their answer. */
const firedAndForgotten = new Set<PropertyKey>(['publish', 'PUBLISH', 'sPublish', 'SPUBLISH']);

/**
 * The Redis client as Socket.IO's streams adapter gets it. The adapter sends its ephemeral
 * messages (heartbeats, server-side emits: our presence sync) with PUBLISH and drops the promise.
 * While Redis is away a command waits in the client's queue, and after its 5 s command timeout
 * it is rejected: unhandled, that rejection ended the node, and every socket on it, in any Redis
 * outage longer than 5 s. Here such a rejection is handled (the message is lost, as it would be
 * with Redis down; presence sync notices the gap and resyncs), and everything else goes to the
 * client itself, bound to it (its methods use private fields).
 */
export function adapterClient(client: RedisClient, onLost: (error: unknown) => void): RedisClient {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!firedAndForgotten.has(property)) return method.bind(target);
      return (...args: unknown[]) => {
        const sent = method.apply(target, args);
        if (sent instanceof Promise) sent.catch(onLost);
        return sent;
      };
    },
  });
}

import { describe, expect, it } from 'vitest';
import { call, signUp } from './support/http.js';
import { parseMetrics, sampleValue } from './support/prometheus-text.js';
import { useServer } from './support/server.js';
import { connect, nextEvent, send } from './support/sockets.js';

// Tests run from 127.0.0.1, the default METRICS_ALLOWED; the token opens it from elsewhere.
const server = useServer({ env: { METRICS_TOKEN: 'scrape-secret-1234' } });
// Loopback is not in this one's list: the address check is what refuses it.
const elsewhere = useServer({ env: { METRICS_ALLOWED: '10.0.0.0/8', METRICS_TOKEN: 'scrape-secret-1234' } });
// A proxy named in TRUST_PROXY forwards for the address it reports.
const proxied = useServer({ env: { TRUST_PROXY: 'loopback' } });

async function scrape(target: { url: string }, headers: Record<string, string> = {}) {
  const reply = await call(target, 'GET', '/metrics', { headers });
  expect(reply.status, reply.text).toBe(200);
  return { scrape: parseMetrics(reply.text), type: reply.headers.get('content-type') };
}

describe('GET /metrics', () => {
  it('is the Prometheus text format, with the process metrics and every Parley metric', async () => {
    const { scrape: metrics, type } = await scrape(server());
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const names = [...metrics.types.keys()];
    expect(names).toEqual(
      expect.arrayContaining([
        'process_cpu_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_eventloop_lag_seconds',
        'nodejs_eventloop_lag_p99_seconds',
        'parley_connected_sockets',
        'parley_messages_stored_total',
        'parley_message_ack_seconds',
        'parley_db_pool_size',
        'parley_db_operations_in_flight',
      ]),
    );
    expect(metrics.types.get('parley_message_ack_seconds')).toBe('histogram');
    expect(sampleValue(metrics, 'parley_db_pool_size')).toBe(server().db.kind === 'postgres' ? 10 : 1);
  });

  it('counts sockets, stored messages and acknowledgements as they happen', async () => {
    const ada = await signUp(server());
    const bob = await signUp(server());
    const before = (await scrape(server())).scrape;
    const adaSocket = await connect(server().url, ada.token);
    const bobSocket = await connect(server().url, bob.token);
    const delivered = nextEvent(bobSocket, 'message');
    const ack = await send(adaSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: 'counted' });
    expect(ack.ok).toBe(true);
    await delivered;
    const refused = await send(adaSocket, { chat_type: 'room', other_user_id: bob.user.user_id, message: '' });
    expect(refused.ok).toBe(false);
    const after = (await scrape(server())).scrape;

    const delta = (name: string, labels: Record<string, string> = {}) =>
      (sampleValue(after, name, labels) ?? 0) - (sampleValue(before, name, labels) ?? 0);
    expect(sampleValue(after, 'parley_connected_sockets')).toBe((sampleValue(before, 'parley_connected_sockets') ?? 0) + 2);
    expect(delta('parley_messages_stored_total', { chat_type: 'room' })).toBe(1);
    expect(delta('parley_messages_stored_total', { chat_type: 'group' })).toBe(0);
    expect(delta('parley_message_ack_seconds_count', { outcome: 'ok' })).toBe(1);
    expect(delta('parley_message_ack_seconds_count', { outcome: 'error' })).toBe(1);

    adaSocket.disconnect();
    bobSocket.disconnect();
  });

  it('is refused, in the protocol shape, to an address outside METRICS_ALLOWED', async () => {
    const reply = await call(elsewhere(), 'GET', '/metrics');
    expect([reply.status, reply.body]).toEqual([403, { error: { code: 'forbidden', message: expect.any(String) } }]);
    expect(reply.text).not.toContain('parley_');
  });

  it('opens to METRICS_TOKEN as a bearer token, and a wrong token is refused', async () => {
    await scrape(elsewhere(), { authorization: 'Bearer scrape-secret-1234' });
    const wrong = await call(elsewhere(), 'GET', '/metrics', { headers: { authorization: 'Bearer scrape-secret-12345' } });
    expect(wrong.status).toBe(403);
  });

  it('refuses a request forwarded by a proxy that is not trusted, even from loopback', async () => {
    const reply = await call(server(), 'GET', '/metrics', { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(reply.status).toBe(403);
  });

  it('behind a trusted proxy, counts the address the proxy forwarded for', async () => {
    const outside = await call(proxied(), 'GET', '/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(outside.status).toBe(403);
    await scrape(proxied(), { 'x-forwarded-for': '127.0.0.1' });
  });
});

describe('health and readiness', () => {
  it('/health and /ready answer once the server accepts work', async () => {
    const health = await call(server(), 'GET', '/health');
    expect([health.status, health.body]).toEqual([200, { status: 'ok' }]);
    const ready = await call(server(), 'GET', '/ready');
    expect([ready.status, ready.body]).toEqual([200, { status: 'ready', database: server().db.kind }]);
  });
});

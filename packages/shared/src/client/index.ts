// The Parley client, platform-neutral: the REST client of PROTOCOL.md, the realtime connection
// (keep-alive, backoff, parsed events and acknowledgements), catch-up, where an event belongs and
// whether it notifies. The desktop main process and the web page inject `fetch`, a socket
// factory and timers, and add only what their platform has (tray, OS notifications, the
// Notification API).
export * from './http-request.js';
export * from './parley-api.js';
export * from './backoff.js';
export * from './keep-alive.js';
export * from './socket-port.js';
export * from './connection.js';
export * from './catch-up.js';
export * from './room-links.js';
export * from './directory.js';
export * from './notify.js';
export * from './socket-io-port.js';
export * from './sessions.js';
export * from './uploads.js';

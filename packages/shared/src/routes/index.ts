// The REST routes of PROTOCOL.md, one table per domain, shared by the REST client and the server.
export * from './define.js';
export * from './auth.js';
export * from './chats.js';
export * from './account.js';
export * from './files.js';
export * from './search.js';

// Desktop bridge contracts: the renderer's one interface, and per-domain IPC schemas.
export * from './bridge.js';
export * from './contract.js';
export * from './server.js';
export * from './servers.js';
export * from './auth.js';
export * from './account.js';
export * from './api.js';
export * from './chat.js';
export * from './ui.js';
export * from './events.js';
export * from './hosted-server.js';
export * from './files.js';

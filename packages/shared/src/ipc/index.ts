// Desktop bridge contracts: the renderer's one interface, and per-domain IPC schemas.
export * from './bridge.js';

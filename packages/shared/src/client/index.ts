// The REST client of PROTOCOL.md, platform-neutral: the desktop main process and the web client
// both inject their `fetch`, server URL and token.
export * from './http-request.js';
export * from './parley-api.js';

export * from './users.js';
export * from './pending-registrations.js';
export * from './sessions.js';
export * from './chat-rooms.js';
export * from './chat-groups.js';
export * from './group-members.js';
export * from './messages.js';
export * from './bot-messages.js';

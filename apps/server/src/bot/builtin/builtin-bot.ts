import type { Bot, WorkspaceLookup } from '../bot.js';

export function createBuiltinBot(_lookup: WorkspaceLookup): Bot {
  return {
    reply: async (request) => `Hello ${request.user.first_name}! Type "help" to see what I can do.`,
  };
}

import { defineConfig } from 'drizzle-kit';

// Generation only reads the schema; migrations are applied by the server itself at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});

-- Trigram operators for the index on messages.body that lets the bot's "find" avoid a full scan.
-- PostgreSQL ships pg_trgm in contrib; the embedded PGlite loads it when it opens.
create extension if not exists pg_trgm;

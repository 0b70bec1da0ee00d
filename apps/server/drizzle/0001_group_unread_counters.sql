ALTER TABLE "chat_groups" ADD COLUMN "message_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "read_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "group_members" ADD COLUMN "present_from" bigint;--> statement-breakpoint
-- Existing groups keep their counts: each group's messages are counted once, and each member's
-- read mark is placed so that the difference is the unread count they had.
UPDATE "chat_groups" g SET "message_count" = (SELECT count(*) FROM "messages" m WHERE m."group_id" = g."id");--> statement-breakpoint
UPDATE "group_members" gm SET "read_count" = g."message_count" - gm."unread_count" FROM "chat_groups" g WHERE g."id" = gm."group_id";--> statement-breakpoint
ALTER TABLE "group_members" DROP COLUMN "unread_count";

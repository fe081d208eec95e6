DROP INDEX "messages_unread_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_seen_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "messages_sender_id_idx" ON "messages" USING btree ("sender_id","id");--> statement-breakpoint
CREATE INDEX "messages_receiver_id_idx" ON "messages" USING btree ("receiver_id","id");--> statement-breakpoint
CREATE INDEX "messages_unread_idx" ON "messages" USING btree ("receiver_id","sender_id") WHERE not "messages"."is_read";--> statement-breakpoint
-- Types outside the list could only come from old data: they read as general messages.
UPDATE "messages" SET "message_type" = 'general' WHERE "message_type" IS NOT NULL AND "message_type" NOT IN ('general', 'coffee_chat', 'mentorship', 'networking', 'collaboration');--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_message_type_known" CHECK (message_type is null or message_type in ('general', 'coffee_chat', 'mentorship', 'networking', 'collaboration'));
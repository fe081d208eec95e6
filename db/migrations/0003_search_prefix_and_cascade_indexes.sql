CREATE INDEX "conversation_summaries_partner_idx" ON "conversation_summaries" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "conversation_summaries_last_message_idx" ON "conversation_summaries" USING btree ("last_message_id");--> statement-breakpoint
CREATE INDEX "users_name_prefix_idx" ON "users" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_username_prefix_idx" ON "users" USING btree (lower("username") text_pattern_ops);
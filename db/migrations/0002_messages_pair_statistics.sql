-- The planner treats sender_id and receiver_id as independent, so it guesses a big pair
-- holds a few dozen messages and sorts all of them instead of reading 50 from the pair
-- index (40 ms instead of 0.4 ms for an older page at 1M messages). Pair statistics fix the guess.
CREATE STATISTICS IF NOT EXISTS "messages_pair_stats" (mcv) ON "sender_id", "receiver_id" FROM "messages";--> statement-breakpoint
ALTER STATISTICS "messages_pair_stats" SET STATISTICS 1000;

-- Member search reads the trigram indexes on every substring query. With fastupdate on, new members wait in
-- each index's pending list (up to 4 MB) until a vacuum merges them, and every search scans that list page
-- by page: after a bulk load it was 289 pages of the username index. Members join one at a time, so they go
-- straight into the index instead; the lists already there are merged now.
ALTER INDEX "users_name_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "users_username_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('users_name_trgm_idx'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('users_username_trgm_idx'::regclass);

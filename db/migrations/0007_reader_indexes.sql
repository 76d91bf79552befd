CREATE INDEX "articles_published_at_idx" ON "articles" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "articles_lead_idx" ON "articles" USING btree ("id") WHERE "articles"."is_lead";--> statement-breakpoint
CREATE INDEX "articles_top_rank_idx" ON "articles" USING btree ("top_rank") WHERE "articles"."top_rank" is not null;
CREATE TYPE "public"."preview_link_end" AS ENUM('revoked', 'unpublished', 'creator_deactivated');--> statement-breakpoint
CREATE TABLE "preview_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_because" "preview_link_end",
	"ended_by" uuid
);
--> statement-breakpoint
ALTER TABLE "article_revisions" ADD COLUMN "body_media_ids" jsonb GENERATED ALWAYS AS (jsonb_path_query_array(body, 'strict $.content[*] ? (@.type == "image").attrs.mediaId')) STORED;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "scheduled_revision_id" bigint;--> statement-breakpoint
ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "preview_links_token_hash_index" ON "preview_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "preview_links_article_id_created_at_index" ON "preview_links" USING btree ("article_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "preview_links_created_by_index" ON "preview_links" USING btree ("created_by") WHERE "preview_links"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "article_revisions_hero_media_id_index" ON "article_revisions" USING btree ("hero_media_id");--> statement-breakpoint
CREATE INDEX "article_revisions_body_media_ids_index" ON "article_revisions" USING gin ("body_media_ids");
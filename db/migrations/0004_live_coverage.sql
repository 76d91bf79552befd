CREATE TABLE "breaking_banners" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "breaking_banners_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"text" text NOT NULL,
	"href" text DEFAULT '' NOT NULL,
	"expires_at" timestamp with time zone,
	"expiry_announced_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "live_blogs" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"coverage_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"coverage_ended_at" timestamp with time zone,
	"poll_seconds" smallint DEFAULT 10 NOT NULL,
	"reporters_may_post" boolean DEFAULT true NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"started_by" uuid,
	"ended_by" uuid
);
--> statement-breakpoint
CREATE TABLE "live_updates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "live_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"article_id" uuid NOT NULL,
	"seq" integer,
	"headline" text DEFAULT '' NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"media_id" uuid,
	"author_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"key_event" boolean DEFAULT false NOT NULL,
	"posted_at" timestamp with time zone,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "breaking_banners" ADD CONSTRAINT "breaking_banners_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breaking_banners" ADD CONSTRAINT "breaking_banners_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_blogs" ADD CONSTRAINT "live_blogs_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_blogs" ADD CONSTRAINT "live_blogs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_blogs" ADD CONSTRAINT "live_blogs_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_updates" ADD CONSTRAINT "live_updates_article_id_live_blogs_article_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."live_blogs"("article_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_updates" ADD CONSTRAINT "live_updates_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_updates" ADD CONSTRAINT "live_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breaking_banners_pending_expiry_idx" ON "breaking_banners" USING btree ("expires_at") WHERE "breaking_banners"."removed_at" is null and "breaking_banners"."expiry_announced_at" is null;--> statement-breakpoint
CREATE INDEX "live_updates_posted_idx" ON "live_updates" USING btree ("article_id","seq" DESC NULLS LAST) WHERE "live_updates"."seq" is not null and "live_updates"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "live_updates_drafts_idx" ON "live_updates" USING btree ("article_id") WHERE "live_updates"."seq" is null and "live_updates"."deleted_at" is null;
-- A member's muted conversations: no toast, sound or notification, and not in the tab title's count. Kept on the
-- server so a mute follows the member to every browser and device.
CREATE TABLE "conversation_mutes" (
	"owner_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"muted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_mutes_owner_id_partner_id_pk" PRIMARY KEY("owner_id","partner_id")
);--> statement-breakpoint
ALTER TABLE "conversation_mutes" ADD CONSTRAINT "conversation_mutes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_mutes" ADD CONSTRAINT "conversation_mutes_partner_id_users_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_mutes_partner_idx" ON "conversation_mutes" USING btree ("partner_id");

import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { media } from './media';

export const userRole = pgEnum('user_role', ['reporter', 'editor', 'admin']);
export type UserRole = (typeof userRole.enumValues)[number];

/** Staff accounts. The author profile (display name, slug, bio, photo) is what readers see. */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    passwordHash: text(),
    role: userRole().notNull().default('reporter'),
    displayName: text().notNull(),
    slug: text().notNull(),
    jobTitle: text().notNull().default(''),
    bio: text().notNull().default(''),
    photoMediaId: uuid().references(() => media.id, { onDelete: 'set null' }),
    active: boolean().notNull().default(true),
    /** Raised to revoke every session at once (sign out everywhere, role or password change). */
    sessionVersion: integer().notNull().default(1),
    lastSignInAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_slug_key').on(t.slug),
  ],
);

export const userTokenPurpose = pgEnum('user_token_purpose', ['invite', 'password_reset']);

/** One-time links (invitation, password reset). Only a hash of the token is stored. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: userTokenPurpose().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_tokens_hash_key').on(t.tokenHash), index().on(t.userId)],
);

/**
 * Sessions ended by signing out. A session is a signed cookie that would otherwise stay
 * valid until it expires; its id is kept here until then, and refused.
 */
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sid: uuid().primaryKey(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);

/**
 * Sign-in throttling: one row per account (`account:<email>`) or client address
 * (`address:<ip>`). `score` counts attempts and decays with time since `updated_at`; a
 * score at the limit blocks the key until `blocked_until`. `block_logged` says whether
 * this block already has its one audit row.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    key: text().primaryKey(),
    score: doublePrecision().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    blockedUntil: timestamp({ withTimezone: true }),
    blockLogged: boolean().notNull().default(false),
  },
  (t) => [index().on(t.updatedAt)],
);

/** Counters for rate-limiter-flexible's Postgres store, in its own layout (sign-in throttling uses sign_in_throttle). */
export const rateLimits = pgTable('rate_limits', {
  key: varchar({ length: 255 }).primaryKey(),
  points: integer().notNull().default(0),
  /** Milliseconds since the epoch. */
  expire: bigint({ mode: 'number' }),
});

export const usersRelations = relations(users, ({ one }) => ({
  photo: one(media, { fields: [users.photoMediaId], references: [media.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

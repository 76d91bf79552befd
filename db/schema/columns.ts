import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Every table records when a row was made and last changed. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

import { connect } from '@/db/client';
import { DEMO_PASSWORD, seedDemoContent } from '@/db/seed/seed-demo-content';

if (process.env.NODE_ENV === 'production') {
  console.error('Refusing to seed demo accounts (with a published password) when NODE_ENV=production.');
  process.exit(1);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL, or use `npm run dev`, which seeds the embedded database itself.');
  process.exit(1);
}
const { db, client } = connect(url, { max: 1 });
const seeded = await seedDemoContent(db);
await client.end();
console.log(seeded ? `Seeded demo content. Demo password: ${DEMO_PASSWORD}` : 'The database already has users; nothing seeded.');

import { startEmbeddedPostgres } from './embedded-postgres';
import { createDatabase } from './databases';

export type LocalDatabase = {
  url: string;
  /** True when we run the embedded server (no DATABASE_URL). */
  embedded: boolean;
  close(): Promise<void>;
};

/** DATABASE_URL when set; otherwise the embedded server's `masthead` database. */
export async function openLocalDatabase(log: (line: string) => void = console.log): Promise<LocalDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, close: async () => {} };
  }
  const server = await startEmbeddedPostgres(log);
  try {
    const url = await createDatabase({ serverUrl: server.urlFor('postgres'), name: 'masthead' });
    return { url, embedded: true, close: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

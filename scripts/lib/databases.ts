import postgres from 'postgres';

/** The URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export type CreateDatabaseParams = {
  serverUrl: string;
  name: string;
  /** Copy this database instead of starting empty (fast for migrated test templates). */
  template?: string;
  /** Drop any existing database of that name first. */
  replace?: boolean;
};

/** Creates a database on the server of `serverUrl` unless it exists (or replaces it). */
export async function createDatabase({ serverUrl, name, template, replace }: CreateDatabaseParams): Promise<string> {
  const admin = postgres(databaseUrl(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    if (replace) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await createWithRetry(admin, name, template);
  } finally {
    await admin.end();
  }
  return databaseUrl(serverUrl, name);
}

// Copying a template fails while another session is copying it too; try again shortly.
async function createWithRetry(admin: postgres.Sql, name: string, template?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}"${template ? ` template "${template}"` : ''}`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === '42P04') return; // created meanwhile by someone else
      if (code !== '55006' || attempt === 20) throw error;
      await new Promise((done) => setTimeout(done, 100 * attempt));
    }
  }
}

/** Drops every database named `<prefix>_…`. */
export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  const admin = postgres(databaseUrl(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select datname from pg_database where starts_with(datname, ${`${prefix}_`})`;
    for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  } finally {
    await admin.end();
  }
}

/** Refuses to let tests or demo tools touch a database that is not on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]', ''].includes(host)) {
    throw new Error(`Refusing to use the non-local database at ${host} for tests.`);
  }
}

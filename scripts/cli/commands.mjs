/** The command-line tools a production install needs, by name: source and bundled file. */
export const COMMANDS = {
  migrate: 'scripts/migrate.ts',
  'user-create': 'scripts/create-user.ts',
  'db-backup': 'scripts/db-backup.ts',
  'db-restore': 'scripts/db-restore.ts',
  seed: 'scripts/seed.ts',
  'collab-server': 'scripts/collab-server.ts',
};

export const BUNDLE_DIR = 'dist/cli';

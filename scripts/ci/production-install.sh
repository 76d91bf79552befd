#!/usr/bin/env bash
# Proves the production install of docs/deploy.md on a clean clone of this commit:
#   npm ci && npm run build && npm prune --omit=dev, then db:migrate, user:create,
#   db:backup and npm start, with no devDependencies (no tsx) left.
# Needs a PostgreSQL server: PG_SERVER_URL (default: the local one on 5432). Uses two
# scratch databases on it and PORT (default 3159) for the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1
server_url=${PG_SERVER_URL:-postgres://postgres@127.0.0.1:5432/postgres}
port=${PORT:-3159}
base=${server_url%/*}
site_db=masthead_ci_production_$$
fresh_db=masthead_ci_production_fresh_$$
work=$(mktemp -d)
server=""
collab=""

psql_admin() { psql "$server_url" -v ON_ERROR_STOP=1 -qAtc "$1"; }
cleanup() {
  set +e
  cd /
  if [ -n "$server" ]; then kill -- "-$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$collab" ]; then kill -- "-$collab" 2>/dev/null || true; wait "$collab" 2>/dev/null || true; fi
  psql_admin "drop database if exists $site_db with (force)" || true
  psql_admin "drop database if exists $fresh_db with (force)" || true
  rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work"; }  # the server may still be flushing its cache
}
trap cleanup EXIT

echo "--- production install: clean clone of $(git rev-parse --short HEAD) in $work"
git clone --quiet --no-hardlinks . "$work/app"
git -C "$work/app" checkout --quiet "$(git rev-parse HEAD)"
cd "$work/app"
psql_admin "create database $site_db"
psql_admin "create database $fresh_db"

export DATABASE_URL="$base/$site_db" NODE_ENV=production
export AUTH_SECRET=ci-production-install-secret-0123456789abcdef SITE_URL="http://localhost:$port" AUTH_TRUST_HOST=true
export MEDIA_DIR="$work/media"

# `npm ci` must install devDependencies for the build, whatever NODE_ENV says.
npm ci --include=dev --no-audit --no-fund
# A new site: the schema has to exist before the build prerenders pages from it.
npm run db:migrate
npm run build
npm prune --omit=dev --no-audit --no-fund
for dev_only in tsx esbuild typescript vitest drizzle-kit; do
  if [ -e "node_modules/$dev_only" ]; then echo "FAIL: $dev_only is still installed after npm prune --omit=dev"; exit 1; fi
done

echo "--- commands without devDependencies"
DATABASE_URL="$base/$fresh_db" npm run db:migrate
tables=$(psql "$base/$fresh_db" -qAtc "select count(*) from information_schema.tables where table_schema = 'public'")
[ "$tables" -gt 10 ] || { echo "FAIL: db:migrate created only $tables tables in an empty database"; exit 1; }
npm run db:migrate
echo 'a sturdy production install passphrase' | npm run user:create -- --email first-admin@example.test --name "First Admin" --role admin
role=$(psql "$DATABASE_URL" -qAtc "select role from users where email = 'first-admin@example.test'")
[ "$role" = admin ] || { echo "FAIL: user:create did not create the admin (got '$role')"; exit 1; }
server_major=$(psql "$DATABASE_URL" -qAtc "select current_setting('server_version_num')::int / 10000")
dump_major=$(pg_dump --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || echo 0)
if [ "${dump_major:-0}" -ge "$server_major" ]; then
  npm run db:backup -- --out "$work/backup"
  DATABASE_URL="$base/$fresh_db" npm run db:restore -- "$work/backup" --replace
else
  echo "(db:backup skipped: pg_dump ${dump_major:-missing} is older than the server's PostgreSQL $server_major)"
fi

echo "--- npm start refuses an incomplete production environment (lib/config.ts)"
refused() {  # $1: what the log must say; then the variables that make it incomplete
  local expect=$1 log="$work/refused.log"
  shift
  if env "$@" PORT=$port timeout 120 npm start >"$log" 2>&1; then cat "$log"; echo "FAIL: npm start served with $*"; exit 1; fi
  grep -q "$expect" "$log" || { cat "$log"; echo "FAIL: npm start with $* did not say '$expect'"; exit 1; }
}
refused "AUTH_SECRET: required in production" AUTH_SECRET=
refused "SITE_URL: required in production" SITE_URL=
refused "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: required with INSTANCE_COUNT=2" INSTANCE_COUNT=2

echo "--- npm start"
PORT=$port setsid npm start >"$work/server.log" 2>&1 &
server=$!
healthy=""
for _ in $(seq 1 60); do
  if curl -sf "http://localhost:$port/api/health" >/dev/null; then healthy=yes; break; fi
  sleep 1
done
[ -n "$healthy" ] || { cat "$work/server.log"; echo "FAIL: /api/health never answered 200"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/")
login=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login")
[ "$status" = 200 ] && [ "$login" = 200 ] || { cat "$work/server.log"; echo "FAIL: home $status, /login $login"; exit 1; }
echo "--- npm run collab (the collaboration server, bundled)"
COLLAB_PORT=$((port + 1)) setsid npm run collab >"$work/collab.log" 2>&1 &
collab=$!
listening=""
for _ in $(seq 1 30); do
  if grep -q "listening on ws://127.0.0.1:$((port + 1))" "$work/collab.log"; then listening=yes; break; fi
  sleep 1
done
[ -n "$listening" ] || { cat "$work/collab.log"; echo "FAIL: the collaboration server did not start without devDependencies"; exit 1; }
echo "production install passed: built, pruned, migrated, created an admin, backed up, served, and ran the collaboration server"

// Makes sure a PostgreSQL server with the PostGIS extension is reachable, and returns its URL.
// Order: DATABASE_URL; else the local cluster (started when down, PostGIS installed when
// missing); else docker compose; else a message saying what to install.
import { run, probe, has, log } from './run.mjs';
import { aptInstall } from './dependencies.mjs';

const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const COMPOSE_ADMIN_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

async function pgClient(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  return client;
}

async function reachable(url) {
  try {
    const c = await pgClient(url);
    await c.end();
    return true;
  } catch {
    return false;
  }
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

function isLocalHost(url) {
  const host = new URL(url).hostname;
  return ['127.0.0.1', 'localhost', '::1', ''].includes(host);
}

async function waitFor(url, seconds) {
  for (let i = 0; i < seconds; i++) {
    if (await reachable(url)) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

function startLocalCluster() {
  if (!has('pg_lsclusters')) return false;
  const clusters = probe('pg_lsclusters', ['--no-header']).stdout.trim().split('\n').filter(Boolean);
  for (const line of clusters) {
    const [version, name, , status] = line.trim().split(/\s+/);
    if (status !== 'online') {
      log(`starting local PostgreSQL cluster ${version}/${name}`);
      probe('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start'], { stdio: 'inherit' });
    }
  }
  return clusters.length > 0;
}

function dockerComposeUp() {
  if (!has('docker') || !probe('docker', ['info']).ok) return false;
  log('no local PostgreSQL: starting the db service with docker compose');
  run('docker', ['compose', 'up', '-d', 'db']);
  return true;
}

/** Installs postgresql-<major>-postgis-3 when the server lacks the extension. */
async function ensureExtensionAvailable(adminUrl) {
  const c = await pgClient(adminUrl);
  try {
    const avail = await c.query("select 1 from pg_available_extensions where name = 'postgis'");
    if (avail.rowCount > 0) return;
    const { rows } = await c.query('show server_version_num');
    const major = Math.floor(Number(rows[0].server_version_num) / 10000);
    if (!isLocalHost(adminUrl)) {
      throw new Error(`the PostgreSQL server at ${new URL(adminUrl).host} has no PostGIS extension; install PostGIS 3 there`);
    }
    aptInstall([`postgresql-${major}-postgis-3`], 'PostGIS extension for the local PostgreSQL');
  } finally {
    await c.end();
  }
}

/** Creates the database when missing and the postgis extension in it. */
async function ensureDatabase(adminUrl, database) {
  const c = await pgClient(adminUrl);
  try {
    const exists = await c.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) {
      log(`creating database ${database}`);
      await c.query(`create database "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await c.end();
  }
  const db = await pgClient(withDatabase(adminUrl, database));
  try {
    await db.query('create extension if not exists postgis');
  } finally {
    await db.end();
  }
}

/**
 * Returns { url, adminUrl } for a PostGIS-enabled database named `database`
 * (or the database of DATABASE_URL when set and not serverOnly).
 */
export async function ensurePostgis({ database, serverOnly = false }) {
  const given = process.env.DATABASE_URL;
  let adminUrl;
  if (given) {
    // serverOnly: the tests use DATABASE_URL's server but never its database.
    if (!serverOnly) database = decodeURIComponent(new URL(given).pathname.slice(1)) || database;
    adminUrl = withDatabase(given, 'postgres');
    if (!(await waitFor(adminUrl, 2))) {
      throw new Error(`DATABASE_URL is set but its server does not answer (${new URL(given).host})`);
    }
  } else if (await reachable(LOCAL_ADMIN_URL)) {
    adminUrl = LOCAL_ADMIN_URL;
  } else if (startLocalCluster() && (await waitFor(LOCAL_ADMIN_URL, 20))) {
    adminUrl = LOCAL_ADMIN_URL;
  } else if (dockerComposeUp() && (await waitFor(COMPOSE_ADMIN_URL, 60))) {
    adminUrl = COMPOSE_ADMIN_URL;
  } else {
    throw new Error(
      'No PostgreSQL found. Install PostgreSQL 15 with PostGIS 3 (Debian: apt-get install postgresql-15 ' +
        'postgresql-15-postgis-3), or start Docker (docker compose up -d db), or set DATABASE_URL.',
    );
  }
  await ensureExtensionAvailable(adminUrl);
  await ensureDatabase(adminUrl, database);
  return { url: withDatabase(adminUrl, database), adminUrl };
}

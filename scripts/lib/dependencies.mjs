// Installs npm dependencies and the Debian packages the tests need, when missing.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run, probe, has, log } from './run.mjs';

const root = new URL('../..', import.meta.url).pathname;

/** `npm ci` when node_modules is absent or older than the lock file. */
export function ensureNpmDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing npm dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
}

let aptUpdated = false;

/** Installs Debian packages by name when we are root on a Debian-like system. */
export function aptInstall(packages, why) {
  if (!has('apt-get') || process.getuid?.() !== 0) {
    throw new Error(`${why}: please install ${packages.join(' ')} (apt-get not usable here)`);
  }
  if (!aptUpdated) {
    log('apt-get update');
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  log(`apt-get install ${packages.join(' ')} (${why})`);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** Browser tests drive Debian's Chromium; the pitch-PDF tests read PDFs with poppler's pdftotext. */
export function ensureTestTools() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!has('pdftotext')) missing.push('poppler-utils');
  if (missing.length) aptInstall(missing, 'browser and PDF tests');
  const v = probe('/usr/bin/chromium', ['--version']);
  if (!v.ok) throw new Error('chromium is installed but does not start: ' + v.stderr);
}

/**
 * GDAL's ogr2ogr and ogrinfo: gis:load reads GIS files through them (GeoPackage, Shapefile,
 * FlatGeobuf, CSV with WKT …), they write the GeoPackage exports (and the tests drive the OGC
 * API driver); pg_dump/pg_restore make the backups. Debian: gdal-bin, postgresql-client.
 */
export function ensureGisTools() {
  const missing = [];
  if (!has('ogr2ogr') || !has('ogrinfo')) missing.push('gdal-bin');
  if (!has('pg_dump') || !has('pg_restore')) missing.push('postgresql-client');
  if (missing.length) aptInstall(missing, 'gis:load of GIS files, GeoPackage exports, the OGC API tests and backups');
  const v = probe('ogr2ogr', ['--version']);
  if (!v.ok) throw new Error('gdal-bin is installed but ogr2ogr does not run: ' + v.stderr);
}

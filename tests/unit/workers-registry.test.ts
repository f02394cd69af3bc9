import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import { silentLogger } from '../../kernel/logger.js';
import { enqueueOutbox } from '../../workers/outbox.js';
import { checkRedis, redactUrl } from '../../workers/queues.js';
import { JOBS, JobRegistry, RegistryError, type JobDeclaration } from '../../workers/registry.js';

const DECLS = {
  'a-job': { queue: 'deadlines', schema: z.object({ id: z.number().int() }).strict() },
  'b-job': { queue: 'outbox', schema: z.object({}).strict() },
} satisfies Record<string, JobDeclaration>;

const fakeJob = (name: string, data: unknown) => ({ name, data, id: 'j1' }) as unknown as Job;

describe('job registry', () => {
  it('fails at start when a declared job has no handler, naming it', () => {
    const r = new JobRegistry(DECLS, silentLogger()).register('a-job', async () => 1);
    assert.throws(() => r.assertRegistry(), (err: unknown) => err instanceof RegistryError && /"b-job" is declared but has no handler/.test(err.message));
  });

  it('fails at start when a job has two handlers', () => {
    const r = new JobRegistry(DECLS, silentLogger())
      .register('a-job', async () => 1)
      .register('a-job', async () => 2)
      .register('b-job', async () => 3);
    assert.throws(() => r.assertRegistry(), /"a-job" has 2 handlers; exactly one is allowed/);
  });

  it('lists every problem at once, including a handler for an undeclared job', () => {
    const r = new JobRegistry(DECLS, silentLogger()).register('nope' as 'a-job', async () => 1);
    assert.throws(
      () => r.assertRegistry(),
      (err: unknown) => err instanceof RegistryError && err.problems.length === 3 && /not declared in JOBS/.test(err.message),
    );
  });

  it('accepts exactly one handler per job and runs it with the validated payload', async () => {
    const seen: unknown[] = [];
    const r = new JobRegistry(DECLS, silentLogger())
      .register('a-job', async (p) => seen.push(p))
      .register('b-job', async () => undefined);
    r.assertRegistry();
    await r.processor('deadlines')(fakeJob('a-job', { id: 7 }));
    assert.deepEqual(seen, [{ id: 7 }]);
  });

  it('rejects a malformed payload as unrecoverable without echoing its values', async () => {
    const lines: string[] = [];
    const { createLogger } = await import('../../kernel/logger.js');
    const logger = createLogger('info', { write: (s: string) => void lines.push(s) });
    let ran = false;
    const r = new JobRegistry(DECLS, logger)
      .register('a-job', async () => (ran = true))
      .register('b-job', async () => undefined);
    for (const data of [{ id: '13800138000' }, { id: 1, phone: '13800138000' }, null, 'x'.repeat(10_000)]) {
      await assert.rejects(r.processor('deadlines')(fakeJob('a-job', data)), (err: unknown) => {
        assert.ok(err instanceof UnrecoverableError);
        assert.match((err as Error).message, /Invalid payload for job "a-job"/);
        assert.doesNotMatch((err as Error).message, /13800138000/);
        return true;
      });
    }
    assert.equal(ran, false);
    assert.equal(lines.length, 4);
    assert.ok(lines.every((l) => !l.includes('13800138000') && !l.includes('xxxxxxxx')), lines.join('\n'));
  });

  it('refuses a job sent to the wrong queue or with an unknown name', async () => {
    const r = new JobRegistry(DECLS, silentLogger()).register('a-job', async () => 1).register('b-job', async () => 1);
    await assert.rejects(r.processor('outbox')(fakeJob('a-job', { id: 1 })), UnrecoverableError);
    await assert.rejects(r.processor('outbox')(fakeJob('zzz', {})), UnrecoverableError);
  });

  it('declares the application jobs with id-only payloads', () => {
    assert.equal(JOBS['outbox-deliver'].schema.safeParse({ outboxId: 3 }).success, true);
    assert.equal(JOBS['outbox-deliver'].schema.safeParse({ outboxId: 3, text: '你好' }).success, false);
    assert.equal(JOBS['outbox-deliver'].schema.safeParse({ outboxId: -1 }).success, false);
  });
});

describe('queues', () => {
  it('says which variable to fix and how to start Redis when it is unreachable', async () => {
    await assert.rejects(checkRedis('redis://:s3cret@127.0.0.1:1', 500), (err: Error) => {
      assert.match(err.message, /REDIS_URL/);
      assert.match(err.message, /redis-server --daemonize yes/);
      assert.match(err.message, /docker compose up -d redis/);
      assert.doesNotMatch(err.message, /s3cret/);
      return true;
    });
  });

  it('redacts passwords from Redis URLs', () => {
    assert.equal(redactUrl('redis://user:pw@h:6379/0'), 'redis://user:***@h:6379/0');
  });

  it('refuses to enqueue anything but outbox ids', async () => {
    const queue = { addBulk: async () => assert.fail('must not reach Redis') } as never;
    for (const bad of [[0], [1.5], ['1'], [-3]] as unknown as number[][]) {
      await assert.rejects(enqueueOutbox(queue, bad), /outbox ids/);
    }
  });
});

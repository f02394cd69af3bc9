/**
 * A process the crash tests kill with SIGKILL at a chosen moment (tests/integration/workers-crash.test.ts).
 * It connects to the test's database by DATABASE_URL and prints one line when it reaches the moment:
 *   after-commit: runs a real deadline sweep whose transaction commits a reminder and its outbox rows,
 *                 then hangs before anything is put on the queue → prints "committed".
 *   mid-send:     runs the real workers with a sender that never returns → prints "sending <outboxId>".
 */
import { systemClock } from '../../kernel/clock.js';
import { resourcePath } from '../../kernel/paths.js';
import { silentLogger } from '../../kernel/logger.js';
import { createClockHandler } from '../../cases/deadlines.js';
import { openDatabase } from '../../db/pool.js';
import { loadDirectory } from '../../directory/directory.js';
import { startWorkers } from '../../workers/index.js';
import { runSweep } from '../../workers/sweeper.js';
import { CRASH_WORKER_TIMING } from './crashTiming.js';

const [mode, prefix = 'crash'] = process.argv.slice(2);
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolMax: 1, migrate: false });
const clockHandler = createClockHandler({ directory: loadDirectory(resourcePath('directory.yaml')), settings: { officeChatId: -100 } });
const forever = () => new Promise<never>(() => undefined);

if (mode === 'after-commit') {
  await runSweep({
    pool: db.pool,
    clockHandler,
    clock: systemClock,
    logger: silentLogger(),
    enqueue: async () => {
      process.stdout.write('committed\n');
      await forever();
    },
  });
} else if (mode === 'mid-send') {
  await startWorkers({
    pool: db.pool,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix,
    sender: {
      async send(m) {
        process.stdout.write(`sending ${m.outboxId}\n`);
        return forever();
      },
    },
    clockHandler,
    clock: systemClock,
    logger: silentLogger(),
    ...CRASH_WORKER_TIMING,
  });
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}

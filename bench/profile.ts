import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';

/**
 * `BENCH_CPU_PROFILE=<dir>`: a V8 CPU profile of just the measured phase (not start-up, warm-up or
 * the component figures), written as `<dir>/<name>.cpuprofile` for Chrome DevTools or speedscope.
 * Unset: costs nothing.
 */
export async function startProfile(name: string): Promise<{ stop(): Promise<void> }> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${name}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`# cpu profile of ${name}: ${file}`);
    },
  };
}

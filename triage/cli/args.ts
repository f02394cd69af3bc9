/**
 * Splits a command line into the on/off flags a CLI knows and its other words. A help flag or an
 * unknown `--option` throws the CLI's own usage error, so each tool prints its own usage text.
 */
export function parseFlags<F extends string>(
  argv: readonly string[],
  known: readonly F[],
  usage: string,
  UsageErrorClass: new (message: string) => Error,
  helpFlags: readonly string[] = [],
): { flags: Set<F>; words: string[] } {
  const flags = new Set<F>();
  const words: string[] = [];
  for (const a of argv) {
    if ((known as readonly string[]).includes(a)) flags.add(a as F);
    else if (helpFlags.includes(a)) throw new UsageErrorClass(usage);
    else if (a.startsWith('--')) throw new UsageErrorClass(`unknown option ${a}\n${usage}`);
    else words.push(a);
  }
  return { flags, words };
}

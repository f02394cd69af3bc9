/**
 * Stands for a value a describe block's beforeAll creates, so the block can name it (and destructure it) while
 * its tests are collected: every property read goes to the value `current()` returns once it exists.
 * Only reads are forwarded; pass the real value (not this stand-in) to code that writes to it.
 */
export function lateBound<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (!target) throw new Error(`${what} used outside its describe block's tests (reading ${String(key)})`);
      return Reflect.get(target, key);
    },
  });
}

/*
 * Method + path-pattern routing for the console: `:name` matches one path segment and is handed to the
 * handler percent-decoded. Patterns are matched against the raw path, so an encoded `/` (%2F) stays inside
 * its segment instead of splitting it.
 */

/** A path segment that is not valid percent-encoding (`%E0%A4%A`): the client's mistake, answered 400. */
export class MalformedPathError extends Error {}

export interface RouteMatch<H> {
  handler: H;
  params: Record<string, string>;
}

interface Route<H> {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: H;
}

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, path: string, handler: H): this {
    const keys: string[] = [];
    const pattern = new RegExp(
      '^' +
        path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, k: string) => {
          keys.push(k);
          return '([^/]+)';
        }) +
        '$',
    );
    this.routes.push({ method, pattern, keys, handler });
    return this;
  }

  get(path: string, handler: H): this {
    return this.add('GET', path, handler);
  }

  post(path: string, handler: H): this {
    return this.add('POST', path, handler);
  }

  /**
   * The handler for a request, 'method' when only the method is wrong (GET routes also answer HEAD), or null.
   * Throws MalformedPathError when the matching route's parameters cannot be decoded.
   */
  match(method: string, path: string): RouteMatch<H> | 'method' | null {
    let wrongMethod = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      if (r.method !== method && !(r.method === 'GET' && method === 'HEAD')) {
        wrongMethod = true;
        continue;
      }
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => {
        params[k] = decodeSegment(m[i + 1]!);
      });
      return { handler: r.handler, params };
    }
    return wrongMethod ? 'method' : null;
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new MalformedPathError(`malformed path segment`);
  }
}

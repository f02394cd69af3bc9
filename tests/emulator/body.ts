/** Request body decoding: telegraf sends JSON, except for uploads, which come as multipart/form-data. */

/** Fields telegraf (and other clients) send JSON-encoded inside form bodies. */
const JSON_FIELDS = new Set([
  'reply_markup',
  'commands',
  'scope',
  'allowed_updates',
  'entities',
  'caption_entities',
  'link_preview_options',
  'reply_parameters',
  'results',
  'media',
]);

/** Parses JSON, urlencoded and multipart bodies into one flat payload, decoding JSON-valued fields. */
export function parseBody(contentType: string, body: Buffer): Record<string, any> {
  if (body.length === 0) return {};
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('request body must be a JSON object');
    return parsed as Record<string, any>;
  }
  const out: Record<string, any> = {};
  if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) out[k] = decodeField(k, v);
    return out;
  }
  if (type === 'multipart/form-data') {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
    const b = boundary?.[1] ?? boundary?.[2];
    if (!b) throw new Error('multipart body without boundary');
    for (const part of splitMultipart(body, b)) {
      const headerEnd = part.indexOf('\r\n\r\n');
      if (headerEnd < 0) continue;
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      if (!name) continue;
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      // Uploads keep their bytes and type, so a test can read the file the bot sent (sendDocument).
      const mime = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim();
      out[name] = filename !== undefined
        ? { uploaded: true, filename, size: content.length, data: Buffer.from(content), ...(mime ? { contentType: mime } : {}) }
        : decodeField(name, content.toString('utf8'));
    }
    return out;
  }
  throw new Error(`unsupported content type ${type || '(none)'}`);
}

function decodeField(name: string, value: string): unknown {
  if (!JSON_FIELDS.has(name)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const from = start + delimiter.length;
    if (body.subarray(from, from + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, from);
    if (next < 0) break;
    // Strip the CRLF after the delimiter and the one before the next delimiter.
    parts.push(body.subarray(from + 2, next - 2));
    start = next;
  }
  return parts;
}

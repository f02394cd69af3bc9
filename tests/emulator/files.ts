/** The file registry behind getFile: ids seen in updates, plus the bot's own uploads. */

// A type alias, not an interface: send* handlers hand it on as a Record<string, unknown>.
export type StoredFile = {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
  file_path: string;
};

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private nextFile = 1;

  get(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  /** Walks any value (an update, a sent file) so every nested file_id becomes retrievable by getFile. */
  register(value: unknown): void {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => this.register(v));
    const v = value as Record<string, unknown>;
    if (typeof v.file_id === 'string') {
      this.files.set(v.file_id, {
        file_id: v.file_id,
        file_unique_id: typeof v.file_unique_id === 'string' ? v.file_unique_id : `u${v.file_id}`,
        file_size: typeof v.file_size === 'number' ? v.file_size : undefined,
        file_path: `files/${v.file_id}`,
      });
    }
    for (const child of Object.values(v)) if (child && typeof child === 'object') this.register(child);
  }

  /** The file a send* call refers to: an existing file_id, or a multipart upload that gets a new one. */
  fileFrom(value: unknown, kind: string): Record<string, unknown> | undefined {
    if (typeof value === 'string' && value !== '') {
      return this.files.get(value) ?? { file_id: value, file_unique_id: `u${value}` };
    }
    if (value && typeof value === 'object' && 'uploaded' in value) {
      const up = value as unknown as { filename: string; size: number; contentType?: string };
      const file_id = `${kind}-${this.nextFile++}`;
      const f = { file_id, file_unique_id: `u${file_id}`, file_size: up.size, file_name: up.filename, ...(up.contentType ? { mime_type: up.contentType } : {}) };
      this.register(f);
      return f;
    }
    return undefined;
  }
}

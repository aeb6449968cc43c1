import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where uploaded files live. Local disk now; an S3-compatible store can implement the same. */
export interface AttachmentStore {
  put(data: Buffer): Promise<string>;
  get(key: string): Readable;
  exists(key: string): boolean;
}

/** Files under `<root>/<aa>/<key>`, written to a temporary name, flushed and renamed. */
export class LocalDiskStore implements AttachmentStore {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(data: Buffer): Promise<string> {
    const key = randomUUID();
    const target = this.file(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.part`;
    const handle = await fs.promises.open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, target);
    return key;
  }

  get(key: string): Readable {
    return fs.createReadStream(this.file(key));
  }

  exists(key: string): boolean {
    return fs.existsSync(this.file(key));
  }
}

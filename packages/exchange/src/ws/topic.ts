/** Where a stream's frames go: a market or user-data connection. */
export interface StreamSubscriber {
  /** Whether this connection wants `{"stream","data"}` frames (`/stream` forms, `SET_PROPERTY combined`). */
  readonly combined: boolean;
  /** Queues one text frame of stream `stream` (a stream name or listen key). */
  send(data: Buffer, stream: string): void;
}

/**
 * One event's payload, encoded at most once: the bare JSON for raw connections, shared by every
 * topic it is published on.
 */
export class Payload {
  readonly json: string;
  #raw: Buffer | undefined;

  constructor(json: string) {
    this.json = json;
  }

  get raw(): Buffer {
    this.#raw ??= Buffer.from(this.json, 'utf8');
    return this.#raw;
  }
}

/**
 * One stream name and the connections listening to it. Publishing sends the same encoded frame to
 * every subscriber: the payload's bytes to raw connections, one `{"stream":"<name>","data":…}`
 * encoding to combined ones.
 */
export class Topic {
  readonly name: string;
  readonly subscribers = new Set<StreamSubscriber>();
  readonly #prefix: string;

  constructor(name: string) {
    this.name = name;
    this.#prefix = `{"stream":${JSON.stringify(name)},"data":`;
  }

  publish(payload: Payload): void {
    let wrapped: Buffer | undefined;
    for (const subscriber of this.subscribers) {
      if (subscriber.combined) {
        wrapped ??= Buffer.from(`${this.#prefix}${payload.json}}`, 'utf8');
        subscriber.send(wrapped, this.name);
      } else {
        subscriber.send(payload.raw, this.name);
      }
    }
  }
}

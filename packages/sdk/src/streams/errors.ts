import { BasisError } from '@basis/core';

/** A stream name that Binance does not serve (or that this SDK cannot route). */
export class InvalidStreamNameError extends BasisError {
  override name = 'InvalidStreamNameError' as const;
  readonly stream: string;

  constructor(stream: string) {
    super(`'${stream}' is not a market stream name.`, {
      docsPath: 'sdk/streams#stream-names',
      metaMessages: [
        'Examples: btcusdt@aggTrade, btcusdt@depth@100ms, btcusdt@depth5, btcusdt@kline_1m, !markPrice@arr.',
        'Symbols are lower-case in stream names.',
      ],
    });
    this.stream = stream;
  }
}
export type InvalidStreamNameErrorType = InvalidStreamNameError & { name: 'InvalidStreamNameError' };

/** A control request (`SUBSCRIBE`, …) was still unanswered when its socket closed or its time ran out. */
export class ControlRequestError extends BasisError {
  override name = 'ControlRequestError' as const;
  /** `closed`: the socket closed first; `timeout`: no reply in time; `rejected`: an `{"error":…}` reply. */
  readonly reason: 'closed' | 'timeout' | 'rejected';
  /** Binance's control error code (0–3) when `reason` is `rejected`. */
  readonly code: number | undefined;

  constructor(parameters: {
    readonly method: string;
    readonly reason: 'closed' | 'timeout' | 'rejected';
    readonly code?: number;
    readonly msg?: string;
  }) {
    const what =
      parameters.reason === 'closed'
        ? 'the socket closed before the reply'
        : parameters.reason === 'timeout'
          ? 'no reply in time'
          : `rejected (${String(parameters.code)}: ${parameters.msg ?? ''})`;
    super(`${parameters.method}: ${what}.`, { docsPath: 'sdk/streams#control-messages' });
    this.reason = parameters.reason;
    this.code = parameters.code;
  }
}
export type ControlRequestErrorType = ControlRequestError & { name: 'ControlRequestError' };

/**
 * A consumer of a lossless stream (trades, diff depth, user data) fell more than its queue's
 * `maxQueue` events behind. Those streams never drop events silently: the subscription is ended and
 * this error is thrown from the consumer's iterator. Consume faster, raise `maxQueue`, or use a
 * callback (called synchronously, no queue).
 */
export class StreamOverflowError extends BasisError {
  override name = 'StreamOverflowError' as const;
  readonly stream: string;
  readonly maxQueue: number;

  constructor(parameters: { readonly stream: string; readonly maxQueue: number }) {
    super(`The consumer of '${parameters.stream}' fell more than ${parameters.maxQueue} events behind.`, {
      docsPath: 'sdk/streams#queues',
      metaMessages: [
        'Lossless streams (trades, diff depth, user data) never drop events: the subscription was ended.',
        'Consume faster, raise maxQueue, or subscribe with a callback.',
      ],
    });
    this.stream = parameters.stream;
    this.maxQueue = parameters.maxQueue;
  }
}
export type StreamOverflowErrorType = StreamOverflowError & { name: 'StreamOverflowError' };

/** Streams were used after `close()`. */
export class StreamsClosedError extends BasisError {
  override name = 'StreamsClosedError' as const;

  constructor() {
    super('The streams were closed.', { docsPath: 'sdk/streams#close' });
  }
}
export type StreamsClosedErrorType = StreamsClosedError & { name: 'StreamsClosedError' };

// biome-ignore-all lint/performance/noBarrelFile: entrypoint module of the streams subpath.
export type {
  BackoffOptions,
  Connection,
  ConnectionEvent,
  ConnectionOptions,
  ConnectionSession,
  ConnectionStats,
  SessionKind,
  SocketLike,
  WatchdogOptions,
  WebSocketClass,
} from './connection.js';
export { createConnection } from './connection.js';
export type {
  ConsumerOptions,
  StreamMessageMeta,
  Streams,
  StreamsEvent,
  StreamsOptions,
  StreamsSource,
  StreamsStats,
  Subscription,
} from './createStreams.js';
export { createStreams, streamsActions } from './createStreams.js';
export type {
  CoinmStreamEvent,
  DepthLevels,
  DepthSpeedSuffix,
  MarketStreamEvent,
  MarketStreamName,
  QueuePolicy,
  StreamDescriptor,
  StreamEvent,
  StreamRoute,
  StreamsMarket,
} from './descriptors.js';
export { describeStream, marketStream } from './descriptors.js';
export type {
  ControlRequestErrorType,
  InvalidStreamNameErrorType,
  StreamOverflowErrorType,
  StreamsClosedErrorType,
} from './errors.js';
export {
  ControlRequestError,
  InvalidStreamNameError,
  StreamOverflowError,
  StreamsClosedError,
} from './errors.js';
export type { StreamIterator } from './queue.js';

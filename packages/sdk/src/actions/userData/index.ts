// The user-data stream key actions (USD-M and COIN-M): a subpath entry.

export type {
  CloseUserDataStreamErrorType,
  CloseUserDataStreamParameters,
  CloseUserDataStreamReturnType,
} from './closeUserDataStream.js';
export { closeUserDataStream } from './closeUserDataStream.js';
export type {
  KeepAliveUserDataStreamErrorType,
  KeepAliveUserDataStreamParameters,
  KeepAliveUserDataStreamReturnType,
} from './keepAliveUserDataStream.js';
export { keepAliveUserDataStream } from './keepAliveUserDataStream.js';
export type {
  StartUserDataStreamErrorType,
  StartUserDataStreamParameters,
  StartUserDataStreamReturnType,
} from './startUserDataStream.js';
export { startUserDataStream } from './startUserDataStream.js';

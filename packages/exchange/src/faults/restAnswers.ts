import { stringifyJson } from '@basis/core';
import { type ApiError, apiError, apiErrorWithMessage } from '../api/apiError.js';
import type { RestResponse } from '../rest/handler.js';
import type { UnknownMessage } from './faultModel.js';

/** What Binance's 503 with an unknown outcome says in its `unknown` form (reference §3.3). */
export const UNKNOWN_ERROR_MSG = 'Unknown error, please check your request or try again later.';
/** What Binance's 503 for a request that failed says (reference §3.3). */
export const SERVICE_UNAVAILABLE_MSG = 'Service Unavailable.';

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html';

const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A Binance `{"code","msg"}` answer with the given headers (a weight header, usually). */
export function binanceAnswer(error: ApiError, headers: Record<string, string>): RestResponse {
  return {
    status: error.httpStatus,
    headers: { ...headers, 'content-type': JSON_TYPE },
    body: stringifyJson(error.toBody()),
  };
}

/** The non-JSON page a gateway in front of the API answers with; clients must survive the parse failure. */
export function gatewayPage(status: number): RestResponse {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return {
    status,
    headers: { 'content-type': HTML_TYPE },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
  };
}

/** 500/502/504 with -1001 "Internal error; unable to process your request. Please try again." */
export function internalError(status: number): ApiError {
  return apiError(-1001, [], { httpStatus: status });
}

/** The 503 of a request whose execution status is unknown. */
export function unknownOutcomeError(message: UnknownMessage): ApiError {
  return message === 'timeout'
    ? apiError(-1007, [], { httpStatus: 503 })
    : apiErrorWithMessage(-1000, UNKNOWN_ERROR_MSG, 503);
}

/**
 * 503 "Service Unavailable." Binance documents the message, not the code; -1001 (the "failed, send
 * again" code of the same 503 list) keeps it a Binance body every client parses.
 */
export function serviceUnavailableError(): ApiError {
  return apiErrorWithMessage(-1001, SERVICE_UNAVAILABLE_MSG, 503);
}

/** 503 -1008 in its system-level-protection form. */
export function throttledError(): ApiError {
  return apiError(-1008, [], { template: 1, httpStatus: 503 });
}

/** 429 -1003 "Too many requests; current limit is N requests per minute. ..." */
export function tooManyRequestsError(limit: number): ApiError {
  return apiError(-1003, [limit], { httpStatus: 429 });
}

/** 418 -1003 "Way too many requests; IP banned until T. ..." */
export function bannedError(until: number): ApiError {
  return apiError(-1003, [until], { template: 1, httpStatus: 418 });
}

/** `Retry-After` in whole seconds, at least 1. */
export function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}

import { JsonParseError, parseJson, type StreamControlErrorCode, stringifyJson } from '@basis/core';

/** The `id` of a control request: an unsigned integer (a bigint above 2^53), or null when absent. */
export type ControlId = number | bigint | null;

/** A control request that passed Binance's checks (§9.2). */
export type ControlRequest =
  | {
      readonly method: 'SUBSCRIBE' | 'UNSUBSCRIBE';
      readonly id: ControlId;
      readonly params: readonly string[];
    }
  | { readonly method: 'LIST_SUBSCRIPTIONS'; readonly id: ControlId }
  | { readonly method: 'SET_PROPERTY'; readonly id: ControlId; readonly value: boolean }
  | { readonly method: 'GET_PROPERTY'; readonly id: ControlId };

/** A parsed control frame, or the error reply to send (and whether to close: invalid JSON). */
export type ControlParse =
  | { readonly ok: true; readonly request: ControlRequest }
  | { readonly ok: false; readonly reply: string; readonly close: boolean };

const METHODS = ['SUBSCRIBE', 'UNSUBSCRIBE', 'LIST_SUBSCRIPTIONS', 'SET_PROPERTY', 'GET_PROPERTY'] as const;
const METHOD_LIST = METHODS.map((m) => `\`${m}\``).join(', ');

/** `{"result":…,"id":…}`. */
export function controlResult(result: null | boolean | readonly string[], id: ControlId): string {
  return stringifyJson({ result, id });
}

/** `{"error":{"code":…,"msg":…},"id":…}`; without `id` for invalid JSON (it could not be read). */
export function controlError(code: StreamControlErrorCode, msg: string, id?: ControlId): string {
  return stringifyJson(id === undefined ? { error: { code, msg } } : { error: { code, msg }, id });
}

/**
 * Reads one control frame with Binance's checks and error codes (§9.3): 3 invalid JSON (the
 * connection is then closed), 2 an invalid request (missing or unknown method, an id that is not an
 * unsigned integer, a property name that is not a string, too many parameters, stream names that are
 * not strings), 0 an unknown property, 1 a property value that is not a boolean. Positions in messages
 * are `line 1 column <length>`, where Binance's parser stops after reading the whole object.
 */
export function parseControl(text: string): ControlParse {
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    const where =
      error instanceof JsonParseError ? `line ${error.line} column ${error.column}` : 'line 1 column 1';
    return { ok: false, reply: controlError(3, `Invalid JSON: expected value at ${where}`), close: true };
  }
  const end = `at line 1 column ${text.length}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(`invalid type: expected struct Request ${end}`, null);
  }
  const frame = value as Record<string, unknown>;
  const rawId = frame.id;
  const id = idOf(rawId);
  if (id === undefined) return invalid('request ID must be an unsigned integer', null);
  const method = frame.method;
  if (method === undefined) return invalid(`missing field \`method\` ${end}`, id);
  if (typeof method !== 'string' || !(METHODS as readonly string[]).includes(method)) {
    const shown = typeof method === 'string' ? method : stringifyJson(method);
    return invalid(`unknown variant \`${shown}\`, expected one of ${METHOD_LIST} ${end}`, id);
  }
  const params = frame.params;
  switch (method as (typeof METHODS)[number]) {
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE': {
      if (params === undefined) return invalid(`missing field \`params\` ${end}`, id);
      if (!Array.isArray(params) || params.some((p) => typeof p !== 'string')) {
        return invalid(`invalid type: expected a sequence of stream names ${end}`, id);
      }
      return { ok: true, request: { method: method as 'SUBSCRIBE' | 'UNSUBSCRIBE', id, params } };
    }
    case 'LIST_SUBSCRIPTIONS':
      if (Array.isArray(params) && params.length > 0) return invalid('too many parameters', id);
      return { ok: true, request: { method: 'LIST_SUBSCRIPTIONS', id } };
    case 'SET_PROPERTY':
    case 'GET_PROPERTY': {
      const set = method === 'SET_PROPERTY';
      const list = Array.isArray(params) ? params : [];
      if (list.length > (set ? 2 : 1)) return invalid('too many parameters', id);
      const name = list[0];
      if (typeof name !== 'string') return invalid('property name must be a string', id);
      if (name !== 'combined')
        return { ok: false, reply: controlError(0, 'Unknown property', id), close: false };
      if (!set) return { ok: true, request: { method: 'GET_PROPERTY', id } };
      const flag = list[1];
      if (typeof flag !== 'boolean') {
        return {
          ok: false,
          reply: controlError(1, 'Invalid value type: expected Boolean', id),
          close: false,
        };
      }
      return { ok: true, request: { method: 'SET_PROPERTY', id, value: flag } };
    }
  }
}

function invalid(detail: string, id: ControlId): ControlParse {
  return { ok: false, reply: controlError(2, `Invalid request: ${detail}`, id), close: false };
}

/** An unsigned integer id (absent or null reads as null); undefined when the id is of another kind. */
function idOf(raw: unknown): ControlId | undefined {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw === 'bigint') return raw >= 0n ? raw : undefined;
  return undefined;
}

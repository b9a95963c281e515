import type { CodeMsgAck } from '@basis/core';
import { BinanceApiError } from '../../errors/api.js';

/**
 * The result of an idempotent setting change (margin type, position mode, multi-assets mode):
 *
 * - `changed: true` with Binance's acknowledgement (`{"code":200,"msg":"success"}`): the setting
 *   now has the requested value.
 * - `changed: false` with Binance's code and message (`-4046` "No need to change margin type.",
 *   `-4059` "No need to change position side.", `-4171` for multi-assets mode): the setting already
 *   had the requested value when the request arrived, so the call succeeded without changing
 *   anything. After a retry whose first answer was lost this may be our own first attempt's doing.
 *
 * Narrow on `changed`; `code` is 200 only when something changed.
 */
export type SettingChangeResult<NoChangeCode extends number> =
  | (CodeMsgAck & { readonly changed: true })
  | { readonly changed: false; readonly code: NoChangeCode; readonly msg: string };

/**
 * Runs a setting change and turns Binance's "already so" error (`noChangeCode`) into a
 * `{ changed: false }` result; any other error is rethrown unchanged.
 */
export async function settingChange<NoChangeCode extends number>(
  request: Promise<CodeMsgAck>,
  noChangeCode: NoChangeCode,
): Promise<SettingChangeResult<NoChangeCode>> {
  try {
    return { ...(await request), changed: true };
  } catch (error) {
    if (error instanceof BinanceApiError && error.code === noChangeCode) {
      return { changed: false, code: noChangeCode, msg: error.msg };
    }
    throw error;
  }
}

import { POSITION_SIDES, type PositionMarginResponse, type PositionSide } from '@basis/core';
import { modifyIsolatedMargin } from '../../venue/settings.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * `POST /fapi/v1/positionMargin` (`symbol*`, `positionSide`, `amount*`, `type*` 1 add | 2 reduce):
 * moves margin into or out of an isolated position →
 * `{"amount":100.0,"code":200,"msg":"Successfully modify position margin.","type":1}`.
 * An unknown `positionSide` is `-4060`, a `type` other than 1 or 2 `-1130`; the rest:
 * {@link modifyIsolatedMargin}.
 */
export const modifyPositionMargin = defineEndpoint<PositionMarginResponse>({
  name: 'modifyPositionMargin',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.requiredString('symbol');
    const side = p.string('positionSide');
    if (side !== undefined && !(POSITION_SIDES as readonly string[]).includes(side)) throw apiError(-4060);
    const amount = p.requiredDecimal('amount');
    const type = p.requiredInteger('type');
    if (type !== 1 && type !== 2) throw apiError(-1130, ['type']);
    return modifyIsolatedMargin(
      venue,
      accountOf(context),
      symbol,
      side as PositionSide | undefined,
      amount,
      type,
    );
  },
});

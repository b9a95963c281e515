import {
  type AlgoUpdateEvent,
  COINM_ACCOUNT_UPDATE_REASONS,
  type CoinmAccountUpdateReason,
  type CoinmOrderTradeUpdate,
  type CoinmUserDataEvent,
  type OrderTradeUpdate,
  type UserDataEvent,
} from '@basis/core';

/** Fields of USD-M's ORDER_TRADE_UPDATE `o` that COIN-M's does not carry (§13.4's example has none). */
const USDM_ONLY_ORDER_FIELDS: ReadonlySet<string> = new Set(['si', 'ss', 'gtd']);

const COINM_REASONS: ReadonlySet<string> = new Set(COINM_ACCOUNT_UPDATE_REASONS);

/**
 * A venue's user event as COIN-M's user-data stream sends it (§13.4), or undefined for an event COIN-M
 * does not have: ACCOUNT_UPDATE, ORDER_TRADE_UPDATE and MARGIN_CALL gain the account alias `i` after
 * the times, ORDER_TRADE_UPDATE's `o` the margin asset `ma` after `L`; TRADE_LITE,
 * CONDITIONAL_ORDER_TRIGGER_REJECT, the multi-assets ACCOUNT_CONFIG_UPDATE and ACCOUNT_UPDATE reasons
 * outside COIN-M's list are USD-M's only. The rest (leverage changes, strategy and grid updates,
 * `listenKeyExpired`) are the same on both, and so is ALGO_UPDATE, which COIN-M's algo orders
 * (`/dapi/v1/algoOrder`, since the CM/UM integration) report as USD-M's do: the reference's COIN-M
 * event list predates the integration, and ccxt.pro and the `binance` package read ALGO_UPDATE from
 * any futures user stream. It is sent in USD-M's form (no alias `i`): nothing documents another.
 *
 * @example
 * coinmUserEvent(accountUpdate, 'SfsR', marginAssetOf) // { e: 'ACCOUNT_UPDATE', E, T, i: 'SfsR', a }
 */
export function coinmUserEvent(
  event: UserDataEvent,
  alias: string,
  marginAssetOf: (symbol: string) => string | undefined,
): CoinmUserDataEvent | AlgoUpdateEvent | undefined {
  switch (event.e) {
    case 'ACCOUNT_UPDATE':
      if (!COINM_REASONS.has(event.a.m)) return undefined;
      return {
        e: event.e,
        E: event.E,
        T: event.T,
        i: alias,
        a: { ...event.a, m: event.a.m as CoinmAccountUpdateReason },
      };
    case 'ORDER_TRADE_UPDATE': {
      const ma = marginAssetOf(event.o.s);
      if (ma === undefined) return undefined;
      return { e: event.e, E: event.E, T: event.T, i: alias, o: coinmOrder(event.o, ma) };
    }
    case 'MARGIN_CALL':
      return {
        e: event.e,
        E: event.E,
        i: alias,
        ...(event.cw === undefined ? {} : { cw: event.cw }),
        p: event.p,
      };
    case 'ACCOUNT_CONFIG_UPDATE':
      return 'ac' in event ? event : undefined;
    case 'TRADE_LITE':
    case 'CONDITIONAL_ORDER_TRIGGER_REJECT':
      return undefined;
    case 'ALGO_UPDATE':
    case 'STRATEGY_UPDATE':
    case 'GRID_UPDATE':
    case 'listenKeyExpired':
      return event;
  }
}

/** USD-M's order object in COIN-M's field order: `ma` after `L`, without the USD-M-only fields. */
function coinmOrder(o: OrderTradeUpdate, ma: string): CoinmOrderTradeUpdate {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(o)) {
    if (USDM_ONLY_ORDER_FIELDS.has(key)) continue;
    out[key] = value;
    if (key === 'L') out.ma = ma;
  }
  return out as CoinmOrderTradeUpdate;
}

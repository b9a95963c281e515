import type { Product, Venue } from '../venue/venue.js';
import {
  type AdminCommand,
  AdminError,
  type AdminResult,
  applyAdminCommand,
  type KeySpec,
} from './adminCommands.js';

/** The venues of one exchange: USD-M always, COIN-M unless it was turned off. */
export interface ExchangeVenues {
  readonly usdm: Venue;
  readonly coinm: Venue | undefined;
}

/**
 * Applies an admin command to an exchange's venues. Accounts and keys are one identity across USD-M
 * and COIN-M, as on Binance: an account is opened in both with the same id and the same keys, each
 * holding the balances of its own margin assets (coins go to COIN-M, the rest to USD-M). Deterministic:
 * COIN-M is given exactly what USD-M issued, so a replay issues the same.
 */
export function applyExchangeAdminCommand(venues: ExchangeVenues, command: AdminCommand): AdminResult {
  const { usdm, coinm } = venues;
  if (coinm === undefined) {
    if ('product' in command && command.product === 'coinm')
      throw new AdminError('COIN-M is not enabled', 404);
    return applyAdminCommand(usdm, command);
  }
  switch (command.kind) {
    case 'createAccount': {
      const { balances, ...rest } = command;
      const split = splitBalances(coinm, balances ?? {});
      const result = applyAdminCommand(usdm, { ...rest, balances: split.usdm });
      if (result.kind !== 'account') return result;
      const keys = mirroredKeys(command.keys ?? [{ type: 'HMAC' }], result.keys);
      const mirror = applyAdminCommand(coinm, { ...rest, balances: split.coinm, keys });
      if (mirror.kind !== 'account' || mirror.accountId !== result.accountId)
        throw new Error(
          `COIN-M opened account ${String((mirror as { accountId?: number }).accountId)} for ${result.accountId}`,
        );
      return result;
    }
    case 'addKey': {
      const result = applyAdminCommand(usdm, command);
      if (result.kind !== 'key') return result;
      applyAdminCommand(coinm, { ...command, key: mirroredKeys([command.key], [result.key])[0]! });
      return result;
    }
    case 'transfer':
      return applyAdminCommand(
        venueOf(venues, command.product ?? productOfAsset(coinm, command.asset)),
        command,
      );
    case 'setFees':
    case 'expireListenKey':
      if (command.product !== undefined) return applyAdminCommand(venueOf(venues, command.product), command);
      if (command.kind === 'expireListenKey') return applyAdminCommand(usdm, command);
      applyAdminCommand(usdm, command);
      return applyAdminCommand(coinm, command);
    case 'setIndexPrice': {
      // An index belongs to the underlying asset: BTC moves for BTCUSDT and BTCUSD_PERP alike.
      const [own, other] = coinm.markets.has(command.symbol) ? [coinm, usdm] : [usdm, coinm];
      const result = applyAdminCommand(own, command);
      const asset = own.market(command.symbol).spec.baseAsset;
      const twin = [...other.markets.values()].find((m) => m.spec.baseAsset === asset);
      if (twin !== undefined) applyAdminCommand(other, { ...command, symbol: twin.symbol });
      return result;
    }
    case 'jump':
      applyAdminCommand(usdm, command);
      return applyAdminCommand(coinm, command);
  }
}

/** The venue of `product`. */
export function venueOf(venues: ExchangeVenues, product: Product): Venue {
  if (product === 'usdm') return venues.usdm;
  if (venues.coinm === undefined) throw new AdminError('COIN-M is not enabled', 404);
  return venues.coinm;
}

/** COIN-M when `asset` margins a COIN-M contract (BTC, ETH, …), USD-M otherwise. */
function productOfAsset(coinm: Venue, asset: string): Product {
  for (const market of coinm.markets.values()) if (market.spec.marginAsset === asset) return 'coinm';
  return 'usdm';
}

function splitBalances(
  coinm: Venue,
  balances: Readonly<Record<string, string>>,
): { usdm: Record<string, string>; coinm: Record<string, string> } {
  const split = { usdm: {} as Record<string, string>, coinm: {} as Record<string, string> };
  for (const [asset, amount] of Object.entries(balances)) split[productOfAsset(coinm, asset)][asset] = amount;
  return split;
}

/** The specs that make COIN-M hold the very keys USD-M issued (names and generated secrets included). */
function mirroredKeys(
  specs: readonly KeySpec[],
  issued: readonly { readonly apiKey: string; readonly apiSecret?: string }[],
): KeySpec[] {
  return specs.map((spec, i) => {
    const key = issued[i]!;
    return spec.type === 'HMAC'
      ? { ...spec, apiKey: key.apiKey, ...(key.apiSecret === undefined ? {} : { secret: key.apiSecret }) }
      : { ...spec, apiKey: key.apiKey };
  });
}

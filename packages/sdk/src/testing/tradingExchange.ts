import { createExchange, type Exchange, type ExchangeEndpoints } from '@basis/exchange';
import { type Client, createClient } from '../clients/createClient.js';
import { type CoinmActions, coinmActions } from '../clients/decorators/coinm.js';
import { type UsdmActions, usdmActions } from '../clients/decorators/usdm.js';
import type { Market } from '../clients/environments.js';
import type { OrderLayerEvent } from '../orders/events.js';
import { createOrderLayer, type OrderLayer, type ReconcileOptions } from '../orders/orderLayer.js';
import { createRateGovernor } from '../rateLimit/governor.js';
import type { RequestCall } from '../request/types.js';

/** A local exchange served on 127.0.0.1 and a client of its default account (USD-M or COIN-M), tuned for tests. */
export interface TradingExchange<Actions extends object = UsdmActions> {
  readonly exchange: Exchange;
  readonly endpoints: ExchangeEndpoints;
  readonly client: Client<Actions>;
  readonly layer: OrderLayer;
  /** What the order layer reported. */
  readonly events: OrderLayerEvent[];
  close(): Promise<void>;
}

/** Options of {@link startTradingExchange}. */
export interface TradingExchangeOptions {
  readonly seed?: number;
  /** `recvWindow` of the client, ms (default 1000: short, so "proven absent" comes soon). */
  readonly recvWindow?: number;
  /** Per-attempt time limit of the client, ms (default 400). */
  readonly timeoutMs?: number;
  readonly reconcile?: ReconcileOptions;
  readonly faultSeed?: number;
  /** Sees every call the actions hand to the client's pipeline (method, path, weight, security...). */
  readonly onRequest?: (call: RequestCall) => void;
}

/**
 * Starts an exchange (live clock, rate limits off, over HTTP on 127.0.0.1) and a USD-M client with
 * short timeouts and backoffs and a governor with unreachable budgets, its order layer made with
 * `onEvent` recording into `events`.
 */
export function startTradingExchange(options: TradingExchangeOptions = {}): Promise<TradingExchange> {
  return start(options, 'usdm', usdmActions);
}

/** {@link startTradingExchange} with a COIN-M client (`/dapi`) of the same default account. */
export function startCoinmTradingExchange(
  options: TradingExchangeOptions = {},
): Promise<TradingExchange<CoinmActions>> {
  return start(options, 'coinm', coinmActions);
}

async function start<Actions extends object>(
  options: TradingExchangeOptions,
  market: Market,
  actions: (client: Client) => Actions,
): Promise<TradingExchange<Actions>> {
  const exchange = createExchange({
    seed: options.seed ?? 1,
    synthetic: { backfillMinutes: 1 },
    rateLimits: { enabled: false },
    faults: { seed: options.faultSeed ?? 1 },
    log: () => {},
  });
  const endpoints = await exchange.listen({ host: '127.0.0.1', port: 0 });
  const base = createClient({
    env: 'local',
    market,
    baseUrl: endpoints.restUrl,
    credentials: exchange.defaultAccount!,
    recvWindow: options.recvWindow ?? 1000,
    timeoutMs: options.timeoutMs ?? 400,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 40 },
    // The exchange's limits are off: the client's own budgets would only slow the tests down.
    governor: createRateGovernor({
      market,
      limits: {
        requestWeightPerMinute: 1_000_000,
        ordersPer10Seconds: 1_000_000,
        ordersPerMinute: 1_000_000,
      },
    }),
  });
  const client = spied(base, options.onRequest).extend(actions);
  const events: OrderLayerEvent[] = [];
  const layer = createOrderLayer(client, {
    reconcile: { attempts: 6, baseDelayMs: 10, maxDelayMs: 80, absenceMarginMs: 50, ...options.reconcile },
    onEvent: (event) => events.push(event),
  });
  return {
    exchange,
    endpoints,
    client,
    layer,
    events,
    async close() {
      await client.close();
      await endpoints.close();
      await exchange.close();
    },
  };
}

/** `client` with its pipeline reporting each call to `onRequest` first (`extend` binds the reporting one). */
function spied(client: Client, onRequest: ((call: RequestCall) => void) | undefined): Client {
  if (onRequest === undefined) return client;
  const request = <T>(call: RequestCall): Promise<T> => {
    onRequest(call);
    return client.request<T>(call);
  };
  const reporting = { ...client, request } as Client;
  // One level of `extend`, as the fixture uses it; base members win, as in createClient.
  return Object.assign(reporting, {
    extend: <Added extends object>(decorator: (base: Client) => Added) =>
      ({ ...decorator(reporting), ...reporting }) as Client<Added>,
  });
}

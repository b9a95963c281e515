import { createExchange, type Exchange, type ExchangeEndpoints } from '@basis/exchange';
import { type Client, createClient } from '../clients/createClient.js';
import { type UsdmActions, usdmActions } from '../clients/decorators/usdm.js';
import type { OrderLayerEvent } from '../orders/events.js';
import { createOrderLayer, type OrderLayer, type ReconcileOptions } from '../orders/orderLayer.js';
import { createRateGovernor } from '../rateLimit/governor.js';

/** A local exchange served on 127.0.0.1 and a USD-M client of its default account, tuned for tests. */
export interface TradingExchange {
  readonly exchange: Exchange;
  readonly endpoints: ExchangeEndpoints;
  readonly client: Client<UsdmActions>;
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
}

/**
 * Starts an exchange (live clock, rate limits off, over HTTP on 127.0.0.1) and a client with short
 * timeouts and backoffs and a governor with unreachable budgets, its order layer made with `onEvent` recording into `events`.
 */
export async function startTradingExchange(options: TradingExchangeOptions = {}): Promise<TradingExchange> {
  const exchange = createExchange({
    seed: options.seed ?? 1,
    synthetic: { backfillMinutes: 1 },
    rateLimits: { enabled: false },
    faults: { seed: options.faultSeed ?? 1 },
    log: () => {},
  });
  const endpoints = await exchange.listen({ host: '127.0.0.1', port: 0 });
  const client = createClient({
    env: 'local',
    baseUrl: endpoints.restUrl,
    credentials: exchange.defaultAccount!,
    recvWindow: options.recvWindow ?? 1000,
    timeoutMs: options.timeoutMs ?? 400,
    retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 40 },
    // The exchange's limits are off: the client's own budgets would only slow the tests down.
    governor: createRateGovernor({
      limits: {
        requestWeightPerMinute: 1_000_000,
        ordersPer10Seconds: 1_000_000,
        ordersPerMinute: 1_000_000,
      },
    }),
  }).extend(usdmActions);
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

import type { Decimal, DecimalInput, Rng } from '@basis/core';
import { IndexProcess, indexParamsFromSpec } from '../marketData/indexProcess.js';
import {
  diffLadder,
  quoteLadder,
  type RestingQuote,
  type SyntheticParams,
  syntheticParamsFromSpec,
  takerArrivals,
} from '../marketData/syntheticModels.js';
import { BUY, SELL } from '../matching/types.js';
import type { Account } from './account.js';
import type { Market } from './market.js';
import { cancelOpenOrder } from './orderLifecycle.js';
import type { VenueProcess } from './process.js';
import { placeSystemOrder } from './systemOrders.js';
import type { Venue } from './venue.js';

/** How the synthetic market runs. */
export interface SyntheticOptions {
  /** Milliseconds between two steps of the market maker and takers (default 250). */
  readonly stepMs?: number;
}

interface Agent {
  readonly market: Market;
  readonly params: SyntheticParams;
  readonly takers: Rng;
}

/**
 * The default market: per underlying asset an index price following a seeded geometric Brownian
 * motion (BTCUSDT and BTCUSDC share BTC's), a system market maker quoting a multi-level ladder
 * around it on every symbol, and system takers arriving as a Poisson process whose side leans
 * toward pulling the book back to the index. Every step is deterministic given the venue's seed.
 */
export class SyntheticMarket implements VenueProcess {
  readonly #venue: Venue;
  readonly #stepMs: number;
  readonly #indexes = new Map<string, IndexProcess>();
  readonly #agents = new Map<string, Agent[]>();
  readonly #maker: Account;
  readonly #taker: Account;
  #next: number;

  constructor(venue: Venue, options: SyntheticOptions = {}) {
    this.#venue = venue;
    this.#stepMs = options.stepMs ?? 250;
    this.#maker = venue.createAccount({ system: true });
    this.#taker = venue.createAccount({ system: true });
    for (const market of venue.markets.values()) {
      const asset = market.spec.baseAsset;
      if (!this.#indexes.has(asset)) {
        this.#indexes.set(
          asset,
          new IndexProcess(indexParamsFromSpec(market.spec), venue.rng.fork(`index:${asset}`)),
        );
      }
      const agents = this.#agents.get(asset) ?? [];
      agents.push({
        market,
        params: syntheticParamsFromSpec(market.spec, hashSymbol(market.symbol)),
        takers: venue.rng.fork(`takers:${market.symbol}`),
      });
      this.#agents.set(asset, agents);
    }
    this.#next = venue.now;
  }

  /** The system accounts behind the synthetic flow (exempt from margin and liquidation). */
  get accounts(): readonly Account[] {
    return [this.#maker, this.#taker];
  }

  nextDue(): number {
    return this.#next;
  }

  run(time: number): void {
    for (const [asset, index] of this.#indexes) {
      const price = index.advance(this.#stepMs);
      for (const agent of this.#agents.get(asset) ?? []) this.#step(agent, price, time);
    }
    this.#next = time + this.#stepMs;
  }

  skipTo(time: number): void {
    this.#next = time;
  }

  /** The index price of `asset` now. */
  indexPrice(asset: string): Decimal | undefined {
    return this.#indexes.get(asset)?.price;
  }

  /** Moves an asset's index to `price`, at once or along a straight (log) path over `durationMs`. */
  moveIndex(asset: string, price: DecimalInput, durationMs = 0): void {
    const index = this.#indexes.get(asset);
    if (index === undefined) throw new RangeError(`no synthetic index for ${asset}`);
    if (durationMs <= 0) index.set(price);
    else index.moveTo(price, durationMs);
  }

  #step(agent: Agent, indexPrice: Decimal, time: number): void {
    const { market, params } = agent;
    market.indexPrice = indexPrice;
    const fairTick = Number(indexPrice.div(market.tickSize, 0, 'half-even').units);
    this.#requote(market, params, fairTick);
    const arrivals = takerArrivals(this.#stepMs, params.taker, agent.takers, {
      midTick: market.midTick(),
      fairTick,
    });
    for (const arrival of arrivals) {
      placeSystemOrder(
        this.#venue,
        market,
        this.#taker,
        arrival.side === BUY ? 'BUY' : 'SELL',
        'MARKET',
        0,
        arrival.qtySteps,
      );
    }
    void time;
  }

  #requote(market: Market, params: SyntheticParams, fairTick: number): void {
    const venue = this.#venue;
    const maker = this.#maker;
    const inventory = Number(
      maker.position(market.symbol, 'BOTH').amount.div(market.stepSize, 0, 'down').units,
    );
    const ladder = quoteLadder(fairTick, params.ladder, inventory);
    const open = maker.openOrdersOf(market.symbol);
    const resting: RestingQuote[] = [];
    for (const order of open.values()) {
      resting.push({
        ref: order.ref,
        side: order.side === 'BUY' ? BUY : SELL,
        priceTick: order.priceTick,
        qtySteps: order.origQty - order.executedQty,
      });
    }
    const diff = diffLadder(resting, ladder, params.diff);
    if (diff.cancels.length > 0) {
      const byRef = new Map<number, typeof open extends Map<bigint, infer O> ? O : never>();
      for (const order of open.values()) byRef.set(order.ref, order);
      for (const ref of diff.cancels) {
        const order = byRef.get(ref);
        if (order !== undefined) cancelOpenOrder(venue, market, maker, order);
      }
    }
    for (const add of diff.adds) {
      placeSystemOrder(
        venue,
        market,
        maker,
        add.side === BUY ? 'BUY' : 'SELL',
        'LIMIT',
        add.priceTick,
        add.qtySteps,
      );
    }
  }
}

/** A stable small number per symbol, so each symbol's ladder has its own size noise. */
function hashSymbol(symbol: string): number {
  let h = 2166136261;
  for (let i = 0; i < symbol.length; i++) h = Math.imul(h ^ symbol.charCodeAt(i), 16777619);
  return h >>> 0;
}

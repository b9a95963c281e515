import type { Decimal, DecimalInput, Rng, RngState } from '@basis/core';
import { IndexProcess, type IndexProcessSnapshot, indexParamsFromSpec } from '../marketData/indexProcess.js';
import {
  quoteLadder,
  type SyntheticParams,
  syntheticParamsFromSpec,
  takerArrivals,
} from '../marketData/syntheticModels.js';
import { BUY } from '../matching/types.js';
import type { Account } from './account.js';
import { deliveryFairPrice, isQuarterly } from './delivery.js';
import type { Market } from './market.js';
import { applyLadder, makerInventorySteps, symbolNoiseSeed } from './marketMaker.js';
import type { VenueProcess } from './process.js';
import { placeSystemOrder } from './systemOrders.js';
import type { Venue } from './venue.js';

/** How the synthetic market runs. */
export interface SyntheticOptions {
  /** Milliseconds between two steps of the market maker and takers (default 250). */
  readonly stepMs?: number;
}

/** The synthetic market's state as plain JSON (see {@link SyntheticMarket.snapshot}). */
export interface SyntheticSnapshot {
  /** When the next step runs, ms. */
  readonly next: number;
  /** Account ids of the market maker and the takers. */
  readonly maker: number;
  readonly taker: number;
  /** Each underlying asset's index process. */
  readonly indexes: readonly { readonly asset: string; readonly state: IndexProcessSnapshot }[];
  /** Each symbol's taker arrivals generator. */
  readonly takers: readonly { readonly symbol: string; readonly rng: RngState }[];
}

interface Agent {
  /** Replaced when a restore rebuilds the market (a rolled listing). */
  market: Market;
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
  // Not readonly: a restored venue has new account objects.
  #maker: Account;
  #taker: Account;
  #next: number;

  constructor(venue: Venue, options: SyntheticOptions = {}) {
    this.#venue = venue;
    this.#stepMs = options.stepMs ?? 250;
    this.#maker = venue.createAccount({ system: true });
    this.#taker = venue.createAccount({ system: true });
    this.syncMarkets();
    this.#next = venue.now;
  }

  /**
   * Follows the venue's listing, in its order: a market listed since gets an agent (and its asset an
   * index when it is new), a delisted one loses its agent; kept agents keep their random streams.
   */
  syncMarkets(): void {
    const venue = this.#venue;
    const bySymbol = new Map<string, Agent>();
    for (const agents of this.#agents.values())
      for (const agent of agents) bySymbol.set(agent.market.symbol, agent);
    this.#agents.clear();
    for (const market of venue.markets.values()) {
      const asset = market.spec.baseAsset;
      if (!this.#indexes.has(asset)) {
        this.#indexes.set(
          asset,
          new IndexProcess(indexParamsFromSpec(market.spec), venue.rng.fork(`index:${asset}`)),
        );
      }
      const agent = bySymbol.get(market.symbol) ?? {
        market,
        params: syntheticParamsFromSpec(market.spec, symbolNoiseSeed(market.symbol)),
        takers: venue.rng.fork(`takers:${market.symbol}`),
      };
      agent.market = market;
      const agents = this.#agents.get(asset) ?? [];
      agents.push(agent);
      this.#agents.set(asset, agents);
    }
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

  /** The state that carries the market on: its schedule, index paths and random streams. */
  snapshot(): SyntheticSnapshot {
    const takers: { symbol: string; rng: RngState }[] = [];
    for (const agents of this.#agents.values()) {
      for (const agent of agents) takers.push({ symbol: agent.market.symbol, rng: agent.takers.snapshot() });
    }
    return {
      next: this.#next,
      maker: this.#maker.id,
      taker: this.#taker.id,
      indexes: [...this.#indexes].map(([asset, index]) => ({ asset, state: index.snapshot() })),
      takers,
    };
  }

  /** Continues from a {@link snapshot}; the venue's accounts must be restored first. */
  restore(snapshot: SyntheticSnapshot): void {
    this.#next = snapshot.next;
    this.#maker = this.#venue.account(snapshot.maker);
    this.#taker = this.#venue.account(snapshot.taker);
    for (const { asset, state } of snapshot.indexes) {
      const index = this.#indexes.get(asset);
      if (index === undefined) throw new RangeError(`the snapshot has an index for ${asset}, the venue none`);
      index.restore(state);
    }
    const rngs = new Map(snapshot.takers.map((t) => [t.symbol, t.rng]));
    for (const agents of this.#agents.values()) {
      for (const agent of agents) {
        const rng = rngs.get(agent.market.symbol);
        if (rng === undefined) throw new RangeError(`the snapshot has no takers for ${agent.market.symbol}`);
        agent.takers.restore(rng);
      }
    }
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
    // A delivering or delivered contract is no longer quoted or traded.
    if (market.status !== 'TRADING') return;
    // A quarterly trades at its basis over the index, which shrinks to nothing at delivery.
    const fair = isQuarterly(market)
      ? deliveryFairPrice(indexPrice, market.spec.deliveryDate - time)
      : indexPrice;
    const fairTick = Number(fair.div(market.tickSize, 0, 'half-even').units);
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
  }

  #requote(market: Market, params: SyntheticParams, fairTick: number): void {
    const ladder = quoteLadder(fairTick, params.ladder, makerInventorySteps(this.#maker, market));
    applyLadder(this.#venue, market, this.#maker, ladder, params.diff);
  }
}

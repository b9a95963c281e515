import { Decimal, type Rng } from '@basis/core';
import { KLINE_INTERVAL_MS, KLINE_INTERVALS, type KlineInterval } from '../marketData/klineIntervals.js';
import type { ReplayEvent, ReplayKline } from '../marketData/replay/csvRows.js';
import { discoverReplayFiles, type ReplayFile } from '../marketData/replay/discover.js';
import type { PrintGrid } from '../marketData/replay/printColumns.js';
import { emptyPrint, type PrintReadOptions, PrintSource } from '../marketData/replay/printSource.js';
import { ReplayError } from '../marketData/replay/replayError.js';
import { type ReplayOptions, ReplaySource } from '../marketData/replay/replaySource.js';
import { UnitGrid } from '../marketData/replay/unitGrid.js';
import { quoteLadder, type SyntheticParams, syntheticParamsFromSpec } from '../marketData/syntheticModels.js';
import { BUY, SELL } from '../matching/types.js';
import type { Account } from './account.js';
import { LadderView } from './ladderView.js';
import type { Market } from './market.js';
import { applyLadder, symbolNoiseSeed } from './marketMaker.js';
import { cancelOpenOrder } from './orderLifecycle.js';
import type { BookKeeper, VenueProcess } from './process.js';
import { settleSystemFlow } from './settlement.js';
import { placeSystemOrder } from './systemOrders.js';
import type { Product, Venue } from './venue.js';

/**
 * How replayed time maps to venue time: `now` shifts every event by (venue start − first event), so
 * the history plays from the exchange's start at real speed (live and paper: clients sign requests
 * with the wall clock); `history` keeps the original timestamps (backtests on a virtual clock).
 */
export const REPLAY_ALIGNMENTS = ['now', 'history'] as const;

/** One of {@link REPLAY_ALIGNMENTS}. */
export type ReplayAlign = (typeof REPLAY_ALIGNMENTS)[number];

/**
 * How prints are executed: `book` re-centres the maker's ladder before every print and sends a real
 * taker order; `lean` records a print that no user order can be touched by straight to the tape
 * and the system accounts, and brings the ladder up to date only when something needs the book;
 * `virtual` is `lean` with the ladder kept off the book while no user order rests on the market:
 * reads (depth, book ticker, price feeds) see the ladder through {@link Market.bookView}, and it is
 * placed in the book only when an order comes, so depth streams are quiet while it is off.
 */
export const REPLAY_PRINT_PATHS = ['book', 'lean', 'virtual'] as const;

/** One of {@link REPLAY_PRINT_PATHS}. */
export type ReplayPrintPath = (typeof REPLAY_PRINT_PATHS)[number];

/** How a {@link ReplayMarket} is set up. */
export interface ReplayMarketOptions {
  /** A directory of Binance's historical files: the data.binance.vision layout, or flat. */
  readonly dir: string;
  /** Default `now`. */
  readonly align?: ReplayAlign;
  /** Replay only these symbols (default: every symbol in the data that the venue lists). */
  readonly symbols?: readonly string[];
  /** How files are read (the zip implementation, the chunk size, the prints' reader thread). */
  readonly read?: PrintReadOptions;
  /** Milliseconds between refreshes of the maker's ladder when no print comes (default 1000). */
  readonly quoteMs?: number;
  /**
   * Default `lean` with `align: 'history'` (backtests, as fast as the CPU allows), `book` with
   * `now` (the book is watched live); `virtual` for backtests that watch no book stream. See
   * {@link ReplayMarket}.
   */
  readonly printPath?: ReplayPrintPath;
  /** Called once when the data runs out or turns out malformed, with the status then. */
  readonly onEnd?: (status: ReplayStatus) => void;
}

/** What drives one replayed symbol. */
export interface ReplayedSymbol {
  readonly symbol: string;
  /** Where the prints come from: `aggTrades`, `trades`, or `klines 1m` (a path through each candle). */
  readonly prints: string;
  /** `prints` (the index follows the replayed price) or `indexPriceKlines 1m`. */
  readonly index: string;
  /** `formula` (the venue's mark price formula) or `markPriceKlines 1m`. */
  readonly mark: string;
}

/** Where a replay stands. */
export interface ReplayStatus {
  /** `ended` once every file is read and played; `failed` when a file turned out malformed. */
  readonly state: 'playing' | 'ended' | 'failed';
  readonly align: ReplayAlign;
  readonly printPath: ReplayPrintPath;
  /** Venue time minus history time. */
  readonly shiftMs: number;
  /** History time of the first event. */
  readonly firstTime: number;
  /** History time at the venue's clock. */
  readonly historyTime: number;
  /** Historical prints executed so far (file rows, or points of a candle's path). */
  readonly prints: number;
  readonly symbols: readonly ReplayedSymbol[];
  /** Symbols in the data that are not replayed, and why. */
  readonly skipped: readonly { readonly symbol: string; readonly reason: string }[];
  /** Venue time at which the replay ended or failed. */
  readonly endedAt: number | undefined;
  /** Why it failed: the file and line. */
  readonly error: ReplayError | undefined;
}

/** One price point of a candle's synthesized path, to be executed as a print. */
interface CandlePrint {
  readonly time: number;
  readonly tick: number;
  readonly steps: number;
  readonly takerSells: boolean;
}

/** A candle's path: open → high/low (seeded order) → close, straight lines between. */
interface PricePath {
  readonly times: readonly number[];
  readonly values: readonly Decimal[];
  /** After this history time the path is stale (a gap in the data): hold no longer. */
  readonly until: number;
}

/** One replayed symbol. */
interface Lane {
  readonly market: Market;
  readonly params: SyntheticParams;
  readonly describe: ReplayedSymbol;
  /** The market's tick and step grids, for the candles' prices and volumes. */
  readonly ticks: UnitGrid;
  readonly steps: UnitGrid;
  /** Seeded order of high and low inside candles. */
  readonly pathRng: Rng;
  /** Where the maker's ladder is centred (fractional ticks); NaN before the first print. */
  fair: number;
  /** The centre of the ladder last quoted, so prints at an unchanged centre skip the requote. */
  quotedFair: number;
  /**
   * The best bid and ask (ticks) that lean prints at the current centre used up, NaN when unused:
   * what the book path would leave taken out until the ladder is next quoted. A print always hits
   * the top of the ladder quoted at its price, so only the best level of a side can be used up.
   */
  spentBid: number;
  spentAsk: number;
  /**
   * What the lean prints of the venue's current run moved the system maker's position by (steps,
   * signed; the system taker's by the opposite), applied once when the run ends ({@link
   * ReplayMarket.settle}); `pendingPrints` counts them.
   */
  pendingMakerSteps: number;
  pendingPrints: number;
  /** The ladder as reads see it while it is off the book. */
  readonly view: LadderView;
  /** Whether the ladder is off the book (print path `virtual`, no user order resting). */
  virtual: boolean;
  /** Candles read ahead, by data type, waiting for their open time. */
  readonly klines: ReplayKline[];
  readonly indexKlines: ReplayKline[];
  readonly markKlines: ReplayKline[];
  /** Prints of the candles that have opened (klines-only symbols). */
  candlePrints: CandlePrint[];
  candleHead: number;
  indexPath: PricePath | undefined;
  markPath: PricePath | undefined;
}

const MONTH_MS = 31 * 86_400_000;
/** Index samples are refreshed on each whole second, when the venue's price feeds read them. */
const INDEX_STEP_MS = 1000;

/**
 * The market-data source when replaying Binance's historical files, the counterpart of the synthetic
 * market. Per replayed symbol, each historical print (an `aggTrades` or `trades` row at its shifted
 * time) is executed as a system taker order of the historical size and side (`is_buyer_maker` → the
 * taker sold) against the system market maker's ladder, re-centred just before the print so that its
 * best level on the taker's opposite side sits at the historical price and holds at least the
 * historical size. So public trades, klines and the last price reproduce the history, while user
 * orders trade against liquidity around it: a resting user order is filled when the replayed price
 * reaches it, at its own price when the price moves through it, and ahead of the maker when a print
 * comes at exactly its price (it takes the historical maker's place, up to the print's size).
 *
 * With only klines for a symbol, each candle becomes a path open → high/low (seeded order) → close
 * with its volume split into prints (taker-buy volume kept where the path allows). The index follows
 * the replayed price, or `indexPriceKlines` when present (a path through each candle, sampled each
 * second); `markPriceKlines`, when present, are offered through {@link ReplayMarket.markPrice}.
 *
 * Only symbols with prints in the data are active; the venue's other markets stay quiet (no book,
 * no trades). When the data runs out the maker keeps quoting the last price and the status says
 * `ended`; a malformed row stops the replay the same way with `failed` and the file and line.
 * Deterministic: the same files, start time and seed give the same state.
 *
 * The `lean` print path (the default of history replays) gives the same tape, klines, last price,
 * system positions and fills of users' resting orders without touching the book for each print,
 * and user taker orders meet the same ladder prices (sizes within the maker's tolerance): a print
 * that no user order rests within reach of (a bid at or above its price, an ask at or below) is
 * recorded as the trade between the system maker and taker that the book path would make, and the
 * ladder is brought up to date (re-centred, with the levels those prints used up taken out) only
 * before something reads or trades on the book: a user order or modification, another venue process
 * (price feeds, funding, liquidations), the periodic refresh, or a print within reach of a user
 * order, which then runs the book path. In between, depth and book-ticker reads show the ladder of
 * the last update, and the maker's order ids and level sizes differ from the book path's.
 *
 * The `virtual` print path goes further: while no user order rests on a market its ladder is not in
 * the book at all. Reads (depth, book ticker, the price feeds) see it through `Market.bookView`, a
 * {@link LadderView} of the ladder at the current centre less the levels prints used up, which is
 * exactly what placing it would give; an order on the market places it first, and the next refresh
 * takes it out again once no user order rests there.
 *
 * @example
 * const replay = new ReplayMarket(venue, { dir: '/data/binance', align: 'now' });
 * venue.addProcess(replay);
 */
export class ReplayMarket implements VenueProcess, BookKeeper {
  readonly #venue: Venue;
  readonly #align: ReplayAlign;
  readonly #quoteMs: number;
  readonly #printPath: ReplayPrintPath;
  readonly #lean: boolean;
  /** Whether ladders leave the book while no user order rests on their market. */
  readonly #offBook: boolean;
  readonly #onEnd: ((status: ReplayStatus) => void) | undefined;
  readonly #maker: Account;
  readonly #taker: Account;
  readonly #lanes = new Map<string, Lane>();
  readonly #skipped: { readonly symbol: string; readonly reason: string }[];
  /** aggTrades and trades of every lane, merged in time order. */
  readonly #prints: PrintSource;
  /** The lane of each of {@link #prints}'s series. */
  readonly #printLanes: readonly Lane[];
  /** The lanes with lean prints not yet settled ({@link settle}), each once. */
  readonly #unsettled: Lane[] = [];
  /** The print being played (reused). */
  readonly #print = emptyPrint();
  /** Klines (klines-only lanes), index and mark klines, read ahead by {@link #lookahead}. */
  readonly #candles: ReplaySource;
  /** The longest candle: a candle opening by time t closes by t + lookahead. */
  readonly #lookahead: number;
  /** Whether the replay has no candle files (aggTrades or trades only): each print skips the candle work. */
  readonly #printsOnly: boolean;
  readonly #shift: number;
  readonly #firstTime: number;
  #state: ReplayStatus['state'] = 'playing';
  #printCount = 0;
  #endedAt: number | undefined;
  #error: ReplayError | undefined;
  /** Cached head times (history), so `nextDue` reads no file. */
  #nextFilePrint = Number.POSITIVE_INFINITY;
  #nextRefill = Number.POSITIVE_INFINITY;
  #nextIndex = Number.POSITIVE_INFINITY;
  #nextQuote: number;
  #due = Number.POSITIVE_INFINITY;
  /** Whether the last run placed or cancelled an order, set a first mark or ended (see {@link quiet}). */
  #loud = false;

  constructor(venue: Venue, options: ReplayMarketOptions) {
    this.#venue = venue;
    this.#align = options.align ?? 'now';
    this.#quoteMs = options.quoteMs ?? 1000;
    const printPath = options.printPath ?? (this.#align === 'history' ? 'lean' : 'book');
    this.#printPath = printPath;
    this.#lean = printPath !== 'book';
    this.#offBook = printPath === 'virtual';
    this.#onEnd = options.onEnd;
    const files = discover(options.dir);
    const plan = planLanes(files, venue, options.symbols);
    this.#skipped = plan.skipped;
    if (plan.lanes.length === 0) {
      throw new ReplayError({
        reason: 'empty',
        path: options.dir,
        detail: `no aggTrades, trades or klines of a listed symbol (${[...venue.markets.keys()].join(', ')})`,
      });
    }
    for (const { symbol, describe: description } of plan.lanes) {
      const market = venue.market(symbol);
      const params = syntheticParamsFromSpec(market.spec, symbolNoiseSeed(symbol));
      const lane: Lane = {
        market,
        params,
        describe: description,
        ticks: new UnitGrid(market.tickSize),
        steps: new UnitGrid(market.stepSize),
        pathRng: venue.rng.fork(`replay:${symbol}`),
        fair: Number.NaN,
        quotedFair: Number.NaN,
        spentBid: Number.NaN,
        spentAsk: Number.NaN,
        pendingMakerSteps: 0,
        pendingPrints: 0,
        // Set just below: the view reads the lane's centre and used-up levels.
        view: undefined as unknown as LadderView,
        virtual: this.#offBook,
        klines: [],
        indexKlines: [],
        markKlines: [],
        candlePrints: [],
        candleHead: 0,
        indexPath: undefined,
        markPath: undefined,
      };
      (lane as { view: LadderView }).view = new LadderView(lane, params.ladder);
      this.#lanes.set(symbol, lane);
    }
    this.#prints = new PrintSource(plan.printFiles, (symbol) => gridOf(venue.market(symbol)), options.read);
    this.#printLanes = this.#prints.series.map((series) => this.#lanes.get(series.symbol)!);
    this.#candles = new ReplaySource(plan.candleFiles, options.read);
    this.#lookahead = plan.lookahead;
    this.#printsOnly = plan.candleFiles.length === 0;
    // The first event: the earliest print or candle opening (read ahead one lookahead past the first close).
    this.#peekFiles();
    const firstClose = this.#candles.peekTime();
    if (firstClose !== undefined) this.#refill(firstClose + this.#lookahead);
    let first = this.#nextFilePrint;
    for (const lane of this.#lanes.values()) {
      for (const queue of [lane.klines, lane.indexKlines, lane.markKlines]) {
        const head = queue[0];
        if (head !== undefined) first = Math.min(first, head.openTime);
      }
    }
    if (!Number.isFinite(first)) {
      throw new ReplayError({ reason: 'empty', path: options.dir, detail: 'the files hold no rows' });
    }
    // Accounts only once the data is known to be there: a refused replay leaves the venue as it was.
    this.#maker = venue.createAccount({ system: true });
    this.#taker = venue.createAccount({ system: true });
    for (const lane of this.#lanes.values()) if (lane.virtual) lane.market.bookView = lane.view;
    this.#firstTime = first;
    this.#shift = this.#align === 'now' ? venue.now - first : 0;
    this.#nextQuote = venue.now;
    // A history replay on a venue that starts later: what came before only sets the prices.
    if (this.#align === 'history' && first < venue.now) this.#skip(venue.now - this.#shift, false);
    this.#schedule(venue.now);
    if (this.#lean) venue.addBookKeeper(this);
  }

  /** The system accounts behind the replayed flow (exempt from margin and liquidation). */
  get accounts(): readonly Account[] {
    return [this.#maker, this.#taker];
  }

  /** The replayed symbols (those with prints in the data that the venue lists). */
  get symbols(): readonly string[] {
    return [...this.#lanes.keys()];
  }

  nextDue(): number {
    return this.#due;
  }

  run(time: number): void {
    this.#loud = false;
    if (this.#state === 'playing') {
      try {
        this.#step(time);
      } catch (error) {
        if (!(error instanceof ReplayError)) throw error;
        this.#stop('failed', time, error);
      }
    }
    if (time >= this.#nextQuote) {
      for (const lane of this.#lanes.values()) this.#refresh(lane);
      this.#nextQuote = time + this.#quoteMs;
    }
    this.#schedule(time);
  }

  /**
   * Releases the files and the prints' reader thread, as the exchange closes; settles once that
   * thread has ended. The replay plays nothing more: it stays where it was, as if its data had ended.
   */
  close(): Promise<void> {
    this.#prints.close();
    this.#candles.close();
    this.#nextFilePrint = Number.POSITIVE_INFINITY;
    this.#nextRefill = Number.POSITIVE_INFINITY;
    return this.#prints.ended();
  }

  /** `playing`, then `ended` once the data is played (or `failed`: {@link status} has the error). */
  get state(): ReplayStatus['state'] {
    return this.#state;
  }

  /** Whether the last run only executed prints without the book and moved prices (no order, no mark). */
  quiet(): boolean {
    return !this.#loud;
  }

  /**
   * Moves the system maker's and taker's positions (and open interest) by the lean prints of the run
   * that just ended, in one step per symbol instead of one per print. Nothing reads them within a run
   * (the venue calls this before anything else), the sums are exact, and open interest, the sum of
   * positive positions, depends only on where each position starts and ends.
   */
  settle(): void {
    for (const lane of this.#unsettled) {
      settleSystemFlow(
        this.#venue,
        lane.market,
        { maker: this.#maker, taker: this.#taker },
        lane.pendingMakerSteps,
      );
      lane.pendingMakerSteps = 0;
      lane.pendingPrints = 0;
    }
    this.#unsettled.length = 0;
  }

  skipTo(time: number): void {
    if (this.#state === 'playing') {
      try {
        this.#skip(time - this.#shift, true);
      } catch (error) {
        if (!(error instanceof ReplayError)) throw error;
        this.#stop('failed', time, error);
      }
    }
    this.#nextQuote = time;
    this.#schedule(time);
  }

  /**
   * Brings `symbol`'s ladder up to date before an order is checked against or matched on its book:
   * nothing to do on the book path, or when no lean print came since the last update.
   */
  prepareBook(symbol: string): void {
    const lane = this.#lanes.get(symbol);
    if (lane === undefined) return;
    if (lane.virtual) this.#placeLadder(lane);
    this.#catchUp(lane);
  }

  /**
   * Brings every replayed symbol's book up to date (before another venue process runs); a ladder
   * off the book stays off it, its view is current.
   */
  prepareBooks(): void {
    for (const lane of this.#lanes.values()) if (!lane.virtual) this.#catchUp(lane);
  }

  /**
   * The historical mark price of `symbol` now, from `markPriceKlines` (a path through each candle);
   * `undefined` without mark data (or in a gap), when the venue's formula applies.
   */
  markPrice(symbol: string): Decimal | undefined {
    const path = this.#lanes.get(symbol)?.markPath;
    const h = this.#venue.now - this.#shift;
    return path === undefined || h > path.until ? undefined : pathValue(path, h);
  }

  status(): ReplayStatus {
    return {
      state: this.#state,
      align: this.#align,
      printPath: this.#printPath,
      shiftMs: this.#shift,
      firstTime: this.#firstTime,
      historyTime: this.#venue.now - this.#shift,
      prints: this.#printCount,
      symbols: [...this.#lanes.values()].map((lane) => lane.describe),
      skipped: this.#skipped,
      endedAt: this.#endedAt,
      error: this.#error,
    };
  }

  // Playing -------------------------------------------------------------------------------------------

  /** One step at venue time `time`: candles that open, index samples, then at most one print. */
  #step(time: number): void {
    const h = time - this.#shift;
    if (h >= this.#nextRefill) this.#refill(h + this.#lookahead);
    this.#openCandles(h);
    if (time >= this.#nextIndex) this.#sampleIndex(h);
    this.#printOne(h);
    this.#peekFiles();
    if (this.#exhausted()) this.#stop('ended', time, undefined);
  }

  /** Executes the earliest print due by history time `h`: a file row or a candle's path point. */
  #printOne(h: number): void {
    let best: Lane | undefined;
    let bestTime = this.#nextFilePrint;
    if (!this.#printsOnly)
      for (const lane of this.#lanes.values()) {
        const next = lane.candlePrints[lane.candleHead];
        if (next !== undefined && next.time < bestTime) {
          best = lane;
          bestTime = next.time;
        }
      }
    if (bestTime > h) return;
    if (best === undefined) {
      const print = this.#print;
      if (!this.#prints.take(print)) return;
      if (print.tick > 0)
        this.#playPrint(this.#printLanes[print.series]!, print.tick, print.steps, print.takerSells);
    } else {
      const print = best.candlePrints[best.candleHead++]!;
      this.#playPrint(best, print.tick, print.steps, print.takerSells);
    }
  }

  /**
   * The periodic refresh: the whole ladder re-quoted, every level the prints used up restored. Kept on
   * the lean path too: direct reads of the book between other updates see at most `quoteMs` of lag.
   * On the virtual path a ladder whose market has no user order resting leaves the book here.
   */
  #refresh(lane: Lane): void {
    if (this.#offBook && !lane.virtual && !this.#userResting(lane.market)) this.#takeLadderOff(lane);
    if (!lane.virtual) this.#quote(lane);
    lane.spentBid = Number.NaN;
    lane.spentAsk = Number.NaN;
  }

  /** Puts the ladder back in the book (an order is coming): {@link #catchUp} then quotes it in full. */
  #placeLadder(lane: Lane): void {
    lane.virtual = false;
    lane.quotedFair = Number.NaN;
    lane.market.bookView = lane.market.book;
  }

  /** Takes the maker's orders out of the book; reads see the ladder through its view. */
  #takeLadderOff(lane: Lane): void {
    this.#loud = true;
    const market = lane.market;
    for (const order of [...this.#maker.openOrdersOf(market.symbol).values()]) {
      cancelOpenOrder(this.#venue, market, this.#maker, order);
    }
    lane.virtual = true;
    market.bookView = lane.view;
  }

  /** Whether anyone but the maker rests on `market` (the system taker never does). */
  #userResting(market: Market): boolean {
    // Asked for every print: an empty book (the virtual path's usual state) answers without a lookup.
    const resting = market.resting.size;
    return resting > 0 && resting > this.#maker.openOrdersOf(market.symbol).size;
  }

  /** One historical print, on the lean path when no user order can be touched by it. */
  #playPrint(lane: Lane, tick: number, steps: number, takerSells: boolean): void {
    this.#setPrice(lane, tick, takerSells, true);
    if (!this.#lean) {
      this.#printOnBook(lane, tick, steps, takerSells);
    } else if (this.#userWithinReach(lane.market, tick)) {
      // From where the book path would stand, the book path's own print.
      this.#catchUp(lane);
      this.#printOnBook(lane, tick, steps, takerSells);
    } else {
      this.#printLean(lane, tick, steps, takerSells);
    }
  }

  /**
   * Whether a user order rests where the book path's print at `tick` could reach it: its re-centred
   * ladder's asks start at or above `tick` and its bids at or below, and the taker trades only at
   * `tick`, so only a bid at or above `tick` or an ask at or below can trade.
   */
  #userWithinReach(market: Market, tick: number): boolean {
    if (!this.#userResting(market)) return false;
    const maker = this.#maker.id;
    for (const order of market.resting.values()) {
      if (order.accountId === maker) continue;
      if (order.side === 'BUY' ? order.priceTick >= tick : order.priceTick <= tick) return true;
    }
    return false;
  }

  /**
   * The print as the book path would execute it when no user order is within reach: one trade of
   * `steps` at `tick` between the system taker and the maker's level there, which the book path then
   * leaves used up until the ladder is next quoted. The book itself is not touched.
   */
  #printLean(lane: Lane, tick: number, steps: number, takerSells: boolean): void {
    const venue = this.#venue;
    const market = lane.market;
    if (takerSells) lane.spentBid = tick;
    else lane.spentAsk = tick;
    // As matchTaker: a sequence for the taker, the public trade, then the maker's and the taker's side.
    const takerSequence = market.nextRef();
    venue.recordTrade(market, tick, steps, takerSells, takerSequence);
    // The maker buys what the taker sells; both positions move when the run ends (settle).
    lane.pendingMakerSteps += takerSells ? steps : -steps;
    if (lane.pendingPrints++ === 0) this.#unsettled.push(lane);
    this.#printCount++;
  }

  /**
   * Brings the ladder to where the book path would have it after the lean prints since the last
   * update: quoted at the current centre, without the levels those prints used up.
   */
  #catchUp(lane: Lane): void {
    // The used-up levels are all at the current centre (a move of the centre clears them).
    if (lane.fair !== lane.quotedFair) this.#quote(lane);
    this.#makerStepsBack(lane.market, 'BUY', lane.spentBid);
    this.#makerStepsBack(lane.market, 'SELL', lane.spentAsk);
    lane.spentBid = Number.NaN;
    lane.spentAsk = Number.NaN;
  }

  /** Cancels the maker's orders on `side` at `tick` (none when `tick` is NaN). */
  #makerStepsBack(market: Market, side: 'BUY' | 'SELL', tick: number): void {
    if (Number.isNaN(tick) || market.book.levelQty(side === 'BUY' ? BUY : SELL, tick) === 0) return;
    this.#loud = true;
    for (const order of [...this.#maker.openOrdersOf(market.symbol).values()]) {
      if (order.priceTick === tick && order.side === side)
        cancelOpenOrder(this.#venue, market, this.#maker, order);
    }
  }

  /**
   * One historical print on the book: re-centre the ladder so that the side the taker hits starts at
   * `tick`, make sure `steps` can fill there or better, then send the taker.
   */
  #printOnBook(lane: Lane, tick: number, steps: number, takerSells: boolean): void {
    this.#loud = true;
    const venue = this.#venue;
    const market = lane.market;
    // The same centre as the last quote (a run of prints at one price and side): the ladder stands,
    // the top-up below provides the print's size, and the periodic refresh restores the rest.
    if (lane.fair !== lane.quotedFair) this.#quote(lane);
    // The maker steps back at the print's price, so users resting there are filled first: a user
    // order at the historical price takes the historical maker's place (up to the print's size).
    const makerSide = takerSells ? 'BUY' : 'SELL';
    this.#makerStepsBack(market, makerSide, tick);
    const takerSide = takerSells ? SELL : BUY;
    const available = market.book.fillableQty(takerSide, tick, steps);
    if (available < steps) {
      placeSystemOrder(venue, market, this.#maker, makerSide, 'LIMIT', tick, steps - available);
    }
    const order = placeSystemOrder(
      venue,
      market,
      this.#taker,
      takerSells ? 'SELL' : 'BUY',
      'LIMIT',
      tick,
      steps,
    );
    // A remainder cannot happen with the top-up above; never leave the taker resting if it did.
    if (market.resting.has(order.ref)) cancelOpenOrder(venue, market, this.#taker, order);
    this.#printCount++;
  }

  /**
   * The replayed price moved to `tick`: centre the ladder, move the index, set the first mark (and
   * with `notify` announce it; not while the venue is still being built).
   */
  #setPrice(lane: Lane, tick: number, takerSells: boolean, notify: boolean): void {
    const market = lane.market;
    const h = lane.params.ladder.halfSpreadTicks;
    const first = Number.isNaN(lane.fair);
    // quoteLadder's best bid is ⌈fair⌉ − h and best ask ⌊fair⌋ + h: this puts the hit side at `tick`.
    const fair = takerSells ? tick + h - 0.5 : tick - h + 0.5;
    // The book path re-quotes at a new centre before its next print, restoring every used-up level.
    if (fair !== lane.fair) {
      lane.spentBid = Number.NaN;
      lane.spentAsk = Number.NaN;
    }
    lane.fair = fair;
    const price = market.priceOf(tick);
    const historyTime = this.#venue.now - this.#shift;
    if (lane.indexPath === undefined || historyTime > lane.indexPath.until) market.indexPrice = price;
    if (first) {
      // Until the price feeds' next second: PERCENT_PRICE and margin need a mark near the replayed price.
      market.markPrice = this.markPrice(market.symbol) ?? market.indexPrice;
      this.#loud = true;
      if (notify) this.#venue.markPriceChanged(market);
    }
  }

  #quote(lane: Lane): void {
    if (!(lane.fair > 0)) return;
    this.#loud = true;
    // Inventory 0: the history, not the maker's position, sets the price, so the ladder does not lean.
    const ladder = quoteLadder(lane.fair, lane.params.ladder, 0);
    applyLadder(this.#venue, lane.market, this.#maker, ladder, lane.params.diff);
    lane.quotedFair = lane.fair;
  }

  /** Index samples from index klines, for the price feeds' next whole second. */
  #sampleIndex(h: number): void {
    for (const lane of this.#lanes.values()) {
      const path = lane.indexPath;
      if (path !== undefined && h <= path.until) lane.market.indexPrice = pathValue(path, h);
    }
  }

  // Candles -------------------------------------------------------------------------------------------

  /** Reads candles closing by history time `limit` into their lanes' queues. */
  #refill(limit: number): void {
    // takeUntil returns at most 100,000 events per call: repeat until a call returns fewer.
    for (let round = 0; round < 1_000_000; round++) {
      const events = this.#candles.takeUntil(limit);
      for (const event of events) this.#queueCandle(event);
      if (events.length < 100_000) break;
    }
    const next = this.#candles.peekTime();
    this.#nextRefill = next === undefined ? Number.POSITIVE_INFINITY : next - this.#lookahead;
  }

  #queueCandle(event: ReplayEvent): void {
    if (event.kind !== 'kline') return;
    const lane = this.#lanes.get(event.symbol);
    if (lane === undefined) return;
    const queue =
      event.dataType === 'indexPriceKlines'
        ? lane.indexKlines
        : event.dataType === 'markPriceKlines'
          ? lane.markKlines
          : lane.klines;
    queue.push(event);
  }

  /** Starts the candles that have opened by history time `h`. */
  #openCandles(h: number): void {
    if (this.#printsOnly) return;
    for (const lane of this.#lanes.values()) {
      let opened = false;
      for (let k = lane.klines[0]; k !== undefined && k.openTime <= h; k = lane.klines[0]) {
        lane.klines.shift();
        if (lane.candleHead >= lane.candlePrints.length) {
          lane.candlePrints = [];
          lane.candleHead = 0;
        }
        // A loop, not push(...): a daily candle has up to 86,401 prints, too many for arguments.
        for (const print of candlePrints(lane, k)) lane.candlePrints.push(print);
      }
      for (let k = lane.indexKlines[0]; k !== undefined && k.openTime <= h; k = lane.indexKlines[0]) {
        lane.indexKlines.shift();
        lane.indexPath = candlePath(k, lane.pathRng);
        opened = true;
      }
      for (let k = lane.markKlines[0]; k !== undefined && k.openTime <= h; k = lane.markKlines[0]) {
        lane.markKlines.shift();
        lane.markPath = candlePath(k, lane.pathRng);
      }
      if (opened && lane.indexPath !== undefined) lane.market.indexPrice = pathValue(lane.indexPath, h);
    }
  }

  // Skipping and ending ---------------------------------------------------------------------------------

  /**
   * Moves the replay to history time `h` without printing what comes before it: each symbol's last
   * skipped price centres its ladder (quoted at the next step) and moves its index.
   */
  #skip(h: number, notify: boolean): void {
    const last = new Map<Lane, { tick: number; takerSells: boolean }>();
    // Bounded by the data: each round consumes one row.
    const print = this.#print;
    for (let t = this.#prints.peekTime(); t !== undefined && t < h; t = this.#prints.peekTime()) {
      if (!this.#prints.take(print)) break;
      const lane = this.#printLanes[print.series]!;
      if (print.tick > 0) last.set(lane, { tick: print.tick, takerSells: print.takerSells });
    }
    this.#refill(h + this.#lookahead);
    this.#openCandles(h);
    for (const lane of this.#lanes.values()) {
      const prints = lane.candlePrints;
      while (lane.candleHead < prints.length && prints[lane.candleHead]!.time < h) {
        const print = prints[lane.candleHead++]!;
        last.set(lane, { tick: print.tick, takerSells: print.takerSells });
      }
    }
    for (const [lane, { tick, takerSells }] of last) this.#setPrice(lane, tick, takerSells, notify);
    this.#sampleIndex(h);
    this.#peekFiles();
  }

  #peekFiles(): void {
    this.#nextFilePrint = this.#prints.peekTime() ?? Number.POSITIVE_INFINITY;
  }

  #exhausted(): boolean {
    if (this.#nextFilePrint !== Number.POSITIVE_INFINITY || this.#nextRefill !== Number.POSITIVE_INFINITY)
      return false;
    if (this.#printsOnly) return true;
    for (const lane of this.#lanes.values()) {
      if (lane.candleHead < lane.candlePrints.length) return false;
      if (lane.klines.length + lane.indexKlines.length + lane.markKlines.length > 0) return false;
    }
    return true;
  }

  #stop(state: 'ended' | 'failed', time: number, error: ReplayError | undefined): void {
    this.#loud = true;
    this.#state = state;
    this.#endedAt = time;
    this.#error = error;
    this.#nextFilePrint = Number.POSITIVE_INFINITY;
    this.#nextRefill = Number.POSITIVE_INFINITY;
    this.#prints.close();
    this.#candles.close();
    for (const lane of this.#lanes.values()) {
      lane.candlePrints = [];
      lane.candleHead = 0;
      lane.klines.length = 0;
      lane.indexKlines.length = 0;
      lane.markKlines.length = 0;
    }
    this.#onEnd?.(this.status());
  }

  /** The next venue time anything is due: a print, a candle, an index sample or a ladder refresh. */
  #schedule(time: number): void {
    let h = Math.min(this.#nextFilePrint, this.#nextRefill);
    let hasIndex = false;
    if (!this.#printsOnly)
      for (const lane of this.#lanes.values()) {
        const print = lane.candlePrints[lane.candleHead];
        if (print !== undefined) h = Math.min(h, print.time);
        h = Math.min(
          h,
          openTimeOf(lane.klines[0]),
          openTimeOf(lane.indexKlines[0]),
          openTimeOf(lane.markKlines[0]),
        );
        if (lane.indexPath !== undefined) hasIndex = true;
      }
    this.#nextIndex =
      hasIndex && this.#state === 'playing'
        ? Math.floor(time / INDEX_STEP_MS) * INDEX_STEP_MS + INDEX_STEP_MS
        : Number.POSITIVE_INFINITY;
    this.#due = Math.min(h + this.#shift, this.#nextIndex, this.#nextQuote);
  }
}

/** A queued candle's opening time; +∞ for an empty queue. */
function openTimeOf(candle: ReplayKline | undefined): number {
  return candle === undefined ? Number.POSITIVE_INFINITY : candle.openTime;
}

/** A market's tick and step sizes as the print reader takes them. */
function gridOf(market: Market): PrintGrid {
  return { tickSize: market.tickSize.toString(), stepSize: market.stepSize.toString() };
}

/**
 * The venue time a replay of `dir` starts at with `align: 'history'`: the first print or candle
 * opening of the symbols it would replay. For a backtest, whose virtual clock starts there.
 */
export function replayStartTime(
  dir: string,
  symbols: readonly string[],
  options: { readonly product?: Product; readonly read?: ReplayOptions } = {},
): number | undefined {
  const { product = 'usdm', read } = options;
  const plan = planDir(dir, product, symbols);
  const prints = new ReplaySource(plan.printFiles, read);
  const candles = new ReplaySource(plan.candleFiles, read);
  try {
    let first = prints.peekTime() ?? Number.POSITIVE_INFINITY;
    const firstClose = candles.peekTime();
    if (firstClose !== undefined) {
      for (const event of candles.takeUntil(firstClose + plan.lookahead)) {
        if (event.kind === 'kline') first = Math.min(first, event.openTime);
      }
    }
    return Number.isFinite(first) ? first : undefined;
  } finally {
    prints.close();
    candles.close();
  }
}

/**
 * Where `dir`'s data for `symbols` ends at the latest: the end of the last day (or month) its files
 * cover, from their names alone (nothing is read); `undefined` when there is no file. A backtest that
 * runs "until the data ends" takes it as its bound and stops when the replay reports its end.
 */
export function replayEndTime(
  dir: string,
  symbols: readonly string[],
  options: { readonly product?: Product } = {},
): number | undefined {
  const { product = 'usdm' } = options;
  const plan = planDir(dir, product, symbols);
  let end: number | undefined;
  for (const file of [...plan.printFiles, ...plan.candleFiles]) {
    const [year, month, day] = file.date.split('-').map(Number) as [number, number, number?];
    const fileEnd =
      file.period === 'monthly' ? Date.UTC(year, month, 1) : Date.UTC(year, month - 1, (day ?? 1) + 1);
    if (Number.isFinite(fileEnd)) end = Math.max(end ?? fileEnd, fileEnd);
  }
  return end;
}

// Planning ----------------------------------------------------------------------------------------------

interface Plan {
  readonly lanes: { readonly symbol: string; readonly describe: ReplayedSymbol }[];
  readonly skipped: { readonly symbol: string; readonly reason: string }[];
  readonly printFiles: ReplayFile[];
  readonly candleFiles: ReplayFile[];
  readonly lookahead: number;
}

function discover(dir: string): ReplayFile[] {
  try {
    return discoverReplayFiles(dir);
  } catch (cause) {
    throw new ReplayError({ reason: 'io', path: dir, detail: 'cannot list the directory', cause });
  }
}

/**
 * Whether `dir` holds prints (aggTrades, trades or klines) of one of `symbols` for `product`: whether
 * a venue of that product listing those symbols has something to replay.
 */
export function replayCovers(dir: string, product: Product, symbols: readonly string[]): boolean {
  return planDir(dir, product, symbols).lanes.length > 0;
}

/** The files of `dir` that a venue of `product` listing `symbols` would replay, planned. */
function planDir(dir: string, product: Product, symbols: readonly string[]): Omit<Plan, 'skipped'> {
  const files = productFiles(discover(dir), product).filter((f) => symbols.includes(f.symbol));
  return planFiles(files, symbols);
}

/**
 * The files a venue of `product` may replay: those under its own archive (`futures/um` or
 * `futures/cm`) and those whose path does not say (a flat folder), left to the symbol to decide.
 */
function productFiles(files: readonly ReplayFile[], product: Product): ReplayFile[] {
  const other = product === 'coinm' ? 'um' : 'cm';
  return files.filter((f) => f.market !== other);
}

const PRODUCT_NAMES: Readonly<Record<Product, string>> = { usdm: 'USDⓈ-M', coinm: 'COIN-M' };

/**
 * Which symbols are replayed from which files. Files of the other product are the other venue's;
 * symbols this venue does not list, and symbols with only index or mark klines, are skipped.
 */
function planLanes(files: readonly ReplayFile[], venue: Venue, only: readonly string[] | undefined): Plan {
  const skipped: { symbol: string; reason: string }[] = [];
  const symbols: string[] = [];
  const usable = productFiles(files, venue.product);
  for (const symbol of new Set(usable.map((f) => f.symbol))) {
    if (only !== undefined && !only.includes(symbol)) continue;
    if (venue.markets.has(symbol)) symbols.push(symbol);
    else
      skipped.push({ symbol, reason: `not listed on this exchange's ${PRODUCT_NAMES[venue.product]} venue` });
  }
  const plan = planFiles(usable, symbols);
  for (const symbol of symbols) {
    if (plan.lanes.some((lane) => lane.symbol === symbol)) continue;
    skipped.push({ symbol, reason: 'only mark or index klines (no aggTrades, trades or klines)' });
  }
  return { ...plan, skipped };
}

/**
 * Per symbol: prints from aggTrades (one row is one taker order at one price), else trades, else the
 * shortest klines; index and mark from the shortest index and mark klines.
 */
function planFiles(files: readonly ReplayFile[], symbols: readonly string[]): Omit<Plan, 'skipped'> {
  const lanes: { symbol: string; describe: ReplayedSymbol }[] = [];
  const printFiles: ReplayFile[] = [];
  const candleFiles: ReplayFile[] = [];
  let lookahead = 0;
  for (const symbol of symbols) {
    const own = files.filter((f) => f.symbol === symbol);
    const of = (dataType: ReplayFile['dataType']): ReplayFile[] => own.filter((f) => f.dataType === dataType);
    const aggTrades = of('aggTrades');
    const trades = aggTrades.length > 0 ? [] : of('trades');
    const klines = aggTrades.length + trades.length > 0 ? [] : shortest(of('klines'));
    if (aggTrades.length + trades.length + klines.length === 0) continue;
    const index = shortest(of('indexPriceKlines'));
    const mark = shortest(of('markPriceKlines'));
    printFiles.push(...aggTrades, ...trades);
    candleFiles.push(...klines, ...index, ...mark);
    for (const file of [...klines, ...index, ...mark])
      lookahead = Math.max(lookahead, intervalMs(file.interval));
    const named = (prefix: string, chosen: readonly ReplayFile[], otherwise: string): string =>
      chosen[0] === undefined ? otherwise : `${prefix} ${chosen[0].interval}`;
    lanes.push({
      symbol,
      describe: {
        symbol,
        prints:
          aggTrades.length > 0 ? 'aggTrades' : trades.length > 0 ? 'trades' : named('klines', klines, ''),
        index: named('indexPriceKlines', index, 'prints'),
        mark: named('markPriceKlines', mark, 'formula'),
      },
    });
  }
  return { lanes, printFiles, candleFiles, lookahead };
}

/** The files of the shortest interval present. */
function shortest(files: readonly ReplayFile[]): ReplayFile[] {
  for (const interval of KLINE_INTERVALS) {
    const chosen = files.filter((f) => f.interval === interval);
    if (chosen.length > 0) return chosen;
  }
  return [];
}

function intervalMs(interval: KlineInterval | undefined): number {
  if (interval === undefined) return 0;
  return interval === '1M' ? MONTH_MS : KLINE_INTERVAL_MS[interval];
}

// Candle paths ------------------------------------------------------------------------------------------

/** Open, the extremes in a seeded order, close: the four corners of a candle's path. */
function corners<T>(open: T, high: T, low: T, close: T, rng: Rng): [T, T, T, T] {
  return rng.next() < 0.5 ? [open, high, low, close] : [open, low, high, close];
}

/** A sample kline's path, for index and mark prices: corners at 0, ⅓, ⅔ and the end of the candle. */
function candlePath(k: ReplayKline, rng: Rng): PricePath {
  const span = k.closeTime - k.openTime;
  const values = corners(k.open, k.high, k.low, k.close, rng).map((v) => Decimal.parse(v));
  const times = [
    k.openTime,
    k.openTime + Math.floor(span / 3),
    k.openTime + Math.floor((2 * span) / 3),
    k.closeTime,
  ];
  return { times, values, until: k.closeTime + span + 1 };
}

/** The path's value at history time `h`: linear between corners, held before and after. */
function pathValue(path: PricePath, h: number): Decimal {
  const { times, values } = path;
  if (h <= times[0]!) return values[0]!;
  for (let i = 1; i < times.length; i++) {
    const t1 = times[i]!;
    if (h > t1) continue;
    const t0 = times[i - 1]!;
    const v0 = values[i - 1]!;
    if (t1 === t0) return values[i]!;
    return v0.add(
      values[i]!.sub(v0)
        .mul(h - t0)
        .div(t1 - t0, 8, 'half-even'),
    );
  }
  return values[values.length - 1]!;
}

/**
 * A trade kline as prints: `m` points evenly spaced in time along open → high/low → close (corners
 * exactly, straight lines between, rounded to ticks), at most one per second and at most the
 * candle's trade count (at least 4, so the candle's high and low are hit), never more than its
 * volume in steps. A point above the previous one is a taker buy, below a taker sell. The volume is
 * split evenly, taker-buy volume over the buys and the rest over the sells when each side can have
 * a step per print; so the candle's OHLC and volume are reproduced exactly, and its taker-buy volume
 * where the path allows.
 */
function candlePrints(lane: Lane, k: ReplayKline): CandlePrint[] {
  const { ticks: tickGrid, steps: stepGrid } = lane;
  const tick = (text: string): number => tickGrid.ofText(text);
  const volume = stepGrid.ofText(k.volume);
  const path = corners(tick(k.open), tick(k.high), tick(k.low), tick(k.close), lane.pathRng);
  if (volume <= 0 || path.some((p) => !(p > 0))) return [];
  const buyVolume = Math.min(volume, stepGrid.ofText(k.takerBuyVolume));
  const span = k.closeTime - k.openTime;
  const m = Math.min(volume, Math.max(4, Math.min(k.count, Math.floor(span / 1000) + 1)));
  const ticks = pathTicks(path, m);
  const sells: boolean[] = [];
  for (let i = 0; i < m; i++) {
    const move = i === 0 ? path[3] - path[0] : ticks[i]! - ticks[i - 1]!;
    sells.push(move === 0 ? (sells[i - 1] ?? false) : move < 0);
  }
  if (buyVolume === volume) sells.fill(false);
  else if (buyVolume === 0) sells.fill(true);
  const buys = sells.filter((s) => !s).length;
  const sellVolume = volume - buyVolume;
  const bySide = buys > 0 && buys < m && buyVolume >= buys && sellVolume >= m - buys;
  const buySizes = split(bySide ? buyVolume : 0, buys);
  const sellSizes = split(bySide ? sellVolume : 0, m - buys);
  const evenSizes = split(volume, m);
  const out: CandlePrint[] = [];
  let b = 0;
  let s = 0;
  for (let i = 0; i < m; i++) {
    const takerSells = sells[i]!;
    const steps = bySide ? (takerSells ? sellSizes[s++]! : buySizes[b++]!) : evenSizes[i]!;
    const time = m === 1 ? k.openTime : k.openTime + Math.floor((i * span) / (m - 1));
    out.push({ time, tick: ticks[i]!, steps, takerSells });
  }
  return out;
}

/** `m` ticks along the corners: each corner exactly (all four when m ≥ 4), straight lines between. */
function pathTicks(path: readonly [number, number, number, number], m: number): number[] {
  if (m < 4) return m === 1 ? [path[3]] : m === 2 ? [path[0], path[3]] : [path[0], path[1], path[3]];
  const at = [0, Math.round((m - 1) / 3), Math.round((2 * (m - 1)) / 3), m - 1];
  const ticks: number[] = [];
  for (let segment = 0; segment < 3; segment++) {
    const i0 = at[segment]!;
    const i1 = at[segment + 1]!;
    const p0 = path[segment]!;
    const p1 = path[segment + 1]!;
    for (let i = segment === 0 ? i0 : i0 + 1; i <= i1; i++)
      ticks.push(Math.round(p0 + ((p1 - p0) * (i - i0)) / (i1 - i0)));
  }
  return ticks;
}

/** `total` split into `n` near-equal whole parts, the larger first. */
function split(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * Shared vocabulary of the matching core. Sides and self-trade-prevention modes are small integers so the
 * hot loop compares numbers, never strings; the venue maps them to and from Binance's wire names.
 */

/** The buy side (bids). */
export const BUY = 0;
/** The sell side (asks). */
export const SELL = 1;
/** A side of the book: {@link BUY} or {@link SELL}. */
export type BookSide = 0 | 1;

/** Self-trade prevention off: an owner's taker trades with its own makers. */
export const STP_NONE = 0;
/** `EXPIRE_TAKER`: on meeting an own maker the taker's remainder expires; the maker stays. */
export const STP_EXPIRE_TAKER = 1;
/** `EXPIRE_MAKER`: own makers are removed from the book and matching continues. */
export const STP_EXPIRE_MAKER = 2;
/** `EXPIRE_BOTH`: the own maker is removed and the taker's remainder expires. */
export const STP_EXPIRE_BOTH = 3;
/** A self-trade-prevention mode (Binance's `selfTradePreventionMode`), always the taker's. */
export type StpMode = 0 | 1 | 2 | 3;

/** A resting order as the book sees it. Prices are integer ticks, quantities integer steps. */
export interface RestingOrderView {
  /** The venue's handle for the order (a safe integer, unique within the book). */
  readonly ref: number;
  /** {@link BUY} (a bid) or {@link SELL} (an ask). */
  readonly side: BookSide;
  /** Limit price in ticks (price / tickSize). */
  readonly priceTick: number;
  /** Remaining quantity in steps (always > 0 while the order rests). */
  readonly qty: number;
  /** The account that owns the order; self-trade prevention compares it. */
  readonly owner: number;
  /** Time priority, larger = later: a book-wide counter drawn on `add` and `requeue` (restarts on `clear`). */
  readonly seq: number;
}

/**
 * Receives the outcome of `OrderBook.match`, in execution order. The book is already in its post-event
 * state when a method is called, so the sink may read it, but it must neither mutate the book nor throw.
 */
export interface MatchSink {
  /**
   * One fill: maker `makerRef` (owned by `makerOwner`) traded `qty` steps at the maker's price `priceTick`.
   * `makerRemaining` is the maker's quantity after the fill; 0 means it was filled and already removed.
   */
  fill(makerRef: number, makerOwner: number, priceTick: number, qty: number, makerRemaining: number): void;
  /** A maker removed by self-trade prevention (`EXPIRE_MAKER` or `EXPIRE_BOTH`), with its remaining qty. */
  makerExpired(makerRef: number, makerOwner: number, remaining: number): void;
}

/** An incoming order to match against the book. The book never rests it; the venue decides. */
export interface TakerOrder {
  /** The taker's side: a {@link BUY} taker matches asks, a {@link SELL} taker matches bids. */
  side: BookSide;
  /** Worst acceptable price in ticks (inclusive); the venue passes a bound for MARKET orders too. */
  limitTick: number;
  /** Quantity in steps (> 0). */
  qty: number;
  /** The taker's account, compared with makers' owners for self-trade prevention. */
  owner: number;
  /** The taker's self-trade-prevention mode (Binance applies the taker's). */
  stp: StpMode;
}

/** What `OrderBook.match` did with a taker. */
export interface MatchResult {
  /** Steps traded. */
  filled: number;
  /** Steps not traded: `qty - filled`. */
  remaining: number;
  /** True when self-trade prevention (`EXPIRE_TAKER` / `EXPIRE_BOTH`) stopped the taker. */
  expiredBySelfTrade: boolean;
  /** Tick of the last fill, or `NaN` when nothing traded. */
  lastTick: number;
}

/**
 * What reads of a book need (depth snapshots, the book ticker, the price feeds): `OrderBook` itself,
 * or a stand-in that answers for liquidity not placed in the book (a replay's virtual ladder).
 */
export interface BookReader {
  /** Highest bid tick, or `NaN` when there are no bids. */
  bestBid(): number;
  /** Lowest ask tick, or `NaN` when there are no asks. */
  bestAsk(): number;
  /** Total quantity at `priceTick` on `side` (0 when there is no level). */
  levelQty(side: BookSide, priceTick: number): number;
  /** The best `levels` levels of `side` as `[tick0, qty0, tick1, qty1, ...]`, best first. */
  depth(side: BookSide, levels: number): number[];
}

/** Receives every change of a level's total quantity; `totalQty` 0 means the level is gone. */
export type LevelChangeListener = (side: BookSide, priceTick: number, totalQty: number) => void;

/** Options of the `OrderBook` constructor. */
export interface OrderBookOptions {
  /**
   * Called once per level whose total changed, with the total after the change (0 = removed). Feeds
   * depth-diff streams and the update-id sequence. Like a {@link MatchSink}, it must not mutate the book.
   */
  onLevelChange?: LevelChangeListener;
  /**
   * How many released order nodes the book keeps for reuse (default 65,536). Nodes beyond this are left
   * to the garbage collector, so a burst of orders does not pin memory forever.
   */
  maxPooledOrders?: number;
}

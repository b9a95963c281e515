import { describe, expect, test } from 'vitest';
import type { ExitPolicy } from '../execution/exitPolicy.js';
import type { OrderDenied } from '../strategy/events.js';
import { defineStrategy } from '../strategy/strategy.js';
import { runLive } from './runLive.js';
import { COINM, captureLog, FAST_RECONNECTS, type LiveTestProduct, liveVenues, USDM } from './testing.js';

// What a live run leaves on the exchange when it stops (its exit policy), over real loopback sockets
// against the local exchange, on both products: the orders and positions are read back over REST
// after the run.

/** Sizes on each product: BTC on USDⓈ-M, contracts on COIN-M. */
interface Sizes {
  /** The long opened at start. */
  readonly open: string;
  /** The bid and the breakout stop (would grow the long). */
  readonly add: string;
  /** The reduce-only take-profit. */
  readonly reduce: string;
}

interface SetupOptions {
  /** A timer that throws this long after start (a strategy bug). */
  readonly throwAfterMs?: number;
  /** `onStop` places one more bid (an order still in flight when the exit policy starts). */
  readonly bidInOnStop?: boolean;
}

/**
 * Opens a long, then rests an order of each kind 3% from the mark: a bid and a breakout stop that
 * would add to the position, a reduce-only take-profit and a close-position stop-loss that can only
 * shrink it. Every cancel it sees, it tries to quote again (and records the denial).
 */
const setup = (symbol: string, sizes: Sizes, denials: OrderDenied[], options: SetupOptions = {}) =>
  defineStrategy(() => ({
    name: 'exit-setup',
    symbols: [symbol],
    onStart(ctx) {
      const mark = ctx.markPrice(symbol)!;
      const below = ctx.roundPrice(symbol, mark.mul('0.97'), 'floor');
      const above = ctx.roundPrice(symbol, mark.mul('1.03'), 'ceil');
      ctx.submitOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: sizes.open });
      ctx.submitOrder({
        symbol,
        side: 'BUY',
        type: 'LIMIT',
        price: below,
        quantity: sizes.add,
        clientOrderId: 'entry-bid',
      });
      ctx.submitOrder({
        symbol,
        side: 'SELL',
        type: 'LIMIT',
        price: above,
        quantity: sizes.reduce,
        reduceOnly: true,
        clientOrderId: 'take-profit',
      });
      ctx.submitAlgoOrder({
        symbol,
        side: 'BUY',
        type: 'STOP_MARKET',
        triggerPrice: above,
        quantity: sizes.add,
        clientAlgoId: 'breakout',
      });
      ctx.submitAlgoOrder({
        symbol,
        side: 'SELL',
        type: 'STOP_MARKET',
        triggerPrice: below,
        closePosition: true,
        clientAlgoId: 'stop-loss',
      });
      if (options.throwAfterMs !== undefined) ctx.setTimer('bug', options.throwAfterMs);
    },
    onTimer() {
      throw new Error('a strategy bug');
    },
    onStop(ctx) {
      if (options.bidInOnStop !== true) return;
      ctx.submitOrder({
        symbol,
        side: 'BUY',
        type: 'LIMIT',
        price: ctx.roundPrice(symbol, ctx.markPrice(symbol)!.mul('0.96'), 'floor'),
        quantity: sizes.add,
        clientOrderId: 'late-bid',
      });
    },
    onOrderUpdate(ctx, update) {
      if (update.status !== 'CANCELED') return;
      ctx.submitOrder({
        symbol,
        side: update.side,
        type: 'LIMIT',
        price: update.price,
        quantity: update.quantity,
      });
    },
    onOrderDenied(_ctx, denied) {
      denials.push(denied);
    },
  }));

/** Runs {@link setup} live for 1.5 s on a fresh exchange, then reads the account back over REST. */
function exitRuns<Actions extends object>(product: LiveTestProduct<Actions>, sizes: Sizes) {
  const startVenue = liveVenues(product);
  return async (seed: number, exitPolicy: ExitPolicy | undefined, options: SetupOptions = {}) => {
    const venue = await startVenue(seed);
    const { symbol } = product;
    const denials: OrderDenied[] = [];
    const { lines, log } = captureLog();
    const outcome = await runLive({
      strategy: setup(symbol, sizes, denials, options),
      client: venue.client,
      durationMs: 1_500,
      log,
      ...(exitPolicy === undefined ? {} : { exitPolicy }),
      ...FAST_RECONNECTS,
    }).then(
      (result) => ({ result, error: undefined }),
      (error: unknown) => ({ result: undefined, error }),
    );
    const orders = (await product.openOrders(venue.client, symbol)) as { clientOrderId: string }[];
    const algos = (await product.openAlgoOrders(venue.client, symbol)) as { clientAlgoId: string }[];
    const account = {
      orders: orders.map((o) => o.clientOrderId).sort(),
      algos: algos.map((a) => a.clientAlgoId).sort(),
      position: (await product.position(venue.client, symbol)).normalize().toString(),
    };
    return { ...outcome, account, denials, lines };
  };
}

const usdm = exitRuns(USDM, { open: '0.01', add: '0.002', reduce: '0.004' });
const coinm = exitRuns(COINM, { open: '5', add: '1', reduce: '2' });

describe('runLive exit policy', () => {
  test('default (cancel): orders that could grow the position are canceled; the stop-loss, take-profit and position stay', async () => {
    const { result, error, account, denials, lines } = await usdm(31, undefined);
    expect(error).toBeUndefined();
    expect(account).toEqual({ orders: ['take-profit'], algos: ['stop-loss'], position: '0.01' });
    expect(result?.record.fills.length).toBe(1);
    // The strategy quoted again when it saw its bid canceled: denied, never sent.
    expect(denials.map((d) => d.rule)).toEqual(['stopping']);
    expect(lines).toContain(
      'exit (cancel): canceled 1 order(s) and 1 conditional order(s); kept 2 that only reduce a position',
    );
  }, 20_000);

  test('behavior: flatten cancels every order and closes the position', async () => {
    const { result, error, account, lines } = await usdm(32, 'flatten');
    expect(error).toBeUndefined();
    expect(account).toEqual({ orders: [], algos: [], position: '0' });
    // The opening buy, then the exit's reduce-only sell; the record has both.
    const fills = result!.record.fills;
    expect(fills.map((f) => [f.side, f.qty])).toEqual([
      ['BUY', '0.010'],
      ['SELL', '0.010'],
    ]);
    expect(lines).toContain('exit (flatten): canceled every order; closing BTCUSDT 0.010');
  }, 20_000);

  test('behavior: leave changes nothing', async () => {
    const { error, account, denials } = await usdm(33, 'leave');
    expect(error).toBeUndefined();
    expect(account).toEqual({
      orders: ['entry-bid', 'take-profit'],
      algos: ['breakout', 'stop-loss'],
      position: '0.01',
    });
    expect(denials).toEqual([]);
  }, 20_000);

  test('behavior: a strategy that throws still leaves nothing that could grow its position', async () => {
    const { result, error, account } = await usdm(34, undefined, { throwAfterMs: 600 });
    expect(result).toBeUndefined();
    expect((error as Error).message).toBe('a strategy bug');
    expect(account).toEqual({ orders: ['take-profit'], algos: ['stop-loss'], position: '0.01' });
  }, 20_000);

  test('behavior: COIN-M: the same cancel, by contracts, through /dapi and its algo service', async () => {
    const { error, account, denials } = await coinm(36, undefined);
    expect(error).toBeUndefined();
    expect(account).toEqual({ orders: ['take-profit'], algos: ['stop-loss'], position: '5' });
    expect(denials.map((d) => d.rule)).toEqual(['stopping']);
  }, 20_000);

  test('error: an unknown exit policy is refused before anything runs', async () => {
    const { result, error, account } = await usdm(37, 'cancle' as ExitPolicy);
    expect(result).toBeUndefined();
    expect((error as Error).message).toBe('exitPolicy must be one of cancel, flatten, leave; got cancle');
    expect(account).toEqual({ orders: [], algos: [], position: '0' });
  }, 20_000);

  test('behavior: an order onStop sent a moment before is seen and canceled', async () => {
    const { error, account } = await usdm(35, 'cancel', { bidInOnStop: true });
    expect(error).toBeUndefined();
    expect(account.orders).toEqual(['take-profit']);
  }, 20_000);
});

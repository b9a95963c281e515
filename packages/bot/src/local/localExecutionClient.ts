import type { Decimal, MarginType, UserDataEvent } from '@basis/core';
import { type FeedHealth, IN_PROCESS_FEED } from '../data/feedHealth.js';
import type {
  AccountSnapshot,
  ExecutionClient,
  ExecutionSink,
  NormalizedAlgoOrder,
  NormalizedModify,
  NormalizedOrder,
} from '../execution/executionClient.js';
import type { OrderRejected, OrderUpdate } from '../strategy/events.js';
import type { LocalProduct } from './localProduct.js';
import type { LocalVenue } from './localVenue.js';
import {
  algoEvent,
  conditionalEvent,
  dec,
  isConditionalType,
  orderEvents,
  positionRows,
} from './translate.js';

interface AccountWire {
  readonly assets: readonly { readonly asset: string; readonly walletBalance: string }[];
  readonly positions: readonly {
    readonly symbol: string;
    readonly positionAmt: string;
    readonly entryPrice: string;
    readonly leverage: string;
    readonly positionSide: string;
  }[];
}

interface OpenOrderWire {
  readonly symbol: string;
  readonly orderId: bigint | number | string;
  readonly clientOrderId: string;
  readonly side: 'BUY' | 'SELL';
  /** On COIN-M also a waiting conditional order's type (STOP_MARKET, …). */
  readonly type: OrderUpdate['type'];
  readonly status: OrderUpdate['status'];
  readonly price: string;
  readonly origQty: string;
  readonly executedQty: string;
  readonly avgPrice: string;
  readonly reduceOnly: boolean;
  readonly updateTime: number;
}

interface IncomeWire {
  readonly symbol: string;
  readonly income: string;
  readonly asset: string;
  readonly tranId: bigint | number | string;
}

/**
 * The execution client of the embedded exchange, in-process: orders go straight to the venue's
 * endpoints with Binance's wire parameters, and the account's user-data events come back from the
 * venue, translated to the bot's events. An `ApiError` becomes `rejected` with Binance's code.
 * The venue's product (USDⓈ-M or COIN-M) decides the routes; see {@link LocalProduct}.
 */
export class LocalExecutionClient implements ExecutionClient {
  readonly #local: LocalVenue;
  readonly #product: LocalProduct;
  /** The run's accounting asset: a fill's fee asset when the event names none. */
  readonly #quoteAsset: string;
  readonly #seenFunding = new Set<string>();
  #sink: ExecutionSink | undefined;
  #stop: (() => void) | undefined;

  constructor(local: LocalVenue, quoteAsset = 'USDT') {
    this.#local = local;
    this.#product = local.product;
    this.#quoteAsset = quoteAsset;
  }

  async start(sink: ExecutionSink): Promise<AccountSnapshot> {
    this.#sink = sink;
    this.#stop = this.#local.listen({
      userEvent: (accountId, event) => {
        if (accountId === this.#local.accountId) this.#onUser(event);
      },
    });
    const account = this.#local.read<AccountWire>(this.#product.account, {});
    const open = this.#openOrders({});
    const wallets = new Map<string, Decimal>();
    for (const a of account.assets) wallets.set(a.asset, dec(a.walletBalance));
    const leverage = new Map<string, number>();
    const positions: { symbol: string; amount: Decimal; entryPrice: Decimal }[] = [];
    for (const p of account.positions) {
      leverage.set(p.symbol, Number(p.leverage));
      if (p.positionSide === 'BOTH' && !dec(p.positionAmt).isZero()) {
        positions.push({ symbol: p.symbol, amount: dec(p.positionAmt), entryPrice: dec(p.entryPrice) });
      }
    }
    // A waiting conditional order (COIN-M lists them with the others) is not an order yet.
    const openOrders: OrderUpdate[] = open
      .filter((o) => !isConditionalType(o.type))
      .map((o) => ({
        symbol: o.symbol,
        orderId: String(o.orderId),
        clientOrderId: o.clientOrderId,
        side: o.side,
        type: o.type,
        status: o.status,
        execution: 'NEW',
        price: dec(o.price),
        quantity: dec(o.origQty),
        filledQty: dec(o.executedQty),
        avgPrice: dec(o.avgPrice),
        reduceOnly: o.reduceOnly,
        time: o.updateTime,
      }));
    return { time: this.#local.venue.now, wallets, positions, leverage, openOrders };
  }

  /** Commands run in the venue as they are sent, and their events come back before they return. */
  async sync(): Promise<void> {}

  async stop(): Promise<void> {
    this.#stop?.();
    this.#stop = undefined;
    this.#sink = undefined;
  }

  submitOrder(order: NormalizedOrder): void {
    const params: Record<string, string> = {
      symbol: order.symbol,
      side: order.side,
      type: order.type,
      quantity: order.quantity.toString(),
      newClientOrderId: order.clientOrderId,
    };
    if (order.price !== undefined) params.price = order.price.toString();
    if (order.type === 'LIMIT') params.timeInForce = order.timeInForce ?? 'GTC';
    if (order.reduceOnly) params.reduceOnly = 'true';
    this.#command(this.#product.order, params, 'submit', order.symbol, order.clientOrderId);
  }

  modifyOrder(modify: NormalizedModify): void {
    this.#command(
      this.#product.modifyOrder,
      {
        symbol: modify.symbol,
        origClientOrderId: modify.clientOrderId,
        side: modify.side,
        quantity: modify.quantity.toString(),
        price: modify.price.toString(),
      },
      'modify',
      modify.symbol,
      modify.clientOrderId,
    );
  }

  cancelOrder(symbol: string, clientOrderId: string): void {
    this.#command(
      this.#product.cancelOrder,
      { symbol, origClientOrderId: clientOrderId },
      'cancel',
      symbol,
      clientOrderId,
    );
  }

  cancelAllOrders(symbol: string): void {
    // COIN-M's allOpenOrders also cancels the conditional orders, which the bot keeps apart (as on
    // USDⓈ-M): with any of them open, the others are canceled one by one.
    const open = this.#product.conditional.via === 'order' ? this.#openOrders({ symbol }) : [];
    if (!open.some((o) => isConditionalType(o.type))) {
      this.#command(this.#product.cancelAllOrders, { symbol }, 'cancel', symbol, '');
      return;
    }
    for (const o of open) if (!isConditionalType(o.type)) this.cancelOrder(symbol, o.clientOrderId);
  }

  submitAlgoOrder(order: NormalizedAlgoOrder): void {
    const conditional = this.#product.conditional;
    const params: Record<string, string> = { symbol: order.symbol, side: order.side, type: order.type };
    if (order.quantity !== undefined) params.quantity = order.quantity.toString();
    if (order.price !== undefined) params.price = order.price.toString();
    if (order.closePosition) params.closePosition = 'true';
    if (order.reduceOnly) params.reduceOnly = 'true';
    if (order.workingType !== undefined) params.workingType = order.workingType;
    if (order.callbackRate !== undefined) params.callbackRate = order.callbackRate.toString();
    if (order.type === 'STOP' || order.type === 'TAKE_PROFIT') params.timeInForce = 'GTC';
    // The same order in each product's words: the algo service's, or the order endpoint's.
    if (conditional.via === 'algo') {
      params.algoType = 'CONDITIONAL';
      params.clientAlgoId = order.clientAlgoId;
      if (order.triggerPrice !== undefined) params.triggerPrice = order.triggerPrice.toString();
      if (order.activatePrice !== undefined) params.activatePrice = order.activatePrice.toString();
    } else {
      params.newClientOrderId = order.clientAlgoId;
      if (order.triggerPrice !== undefined) params.stopPrice = order.triggerPrice.toString();
      if (order.activatePrice !== undefined) params.activationPrice = order.activatePrice.toString();
    }
    const route = conditional.via === 'algo' ? conditional.place : this.#product.order;
    this.#command(route, params, 'submitAlgo', order.symbol, order.clientAlgoId);
  }

  cancelAlgoOrder(symbol: string, clientAlgoId: string): void {
    const conditional = this.#product.conditional;
    if (conditional.via === 'algo') {
      this.#command(conditional.cancel, { symbol, clientAlgoId }, 'cancelAlgo', symbol, clientAlgoId);
    } else {
      const params = { symbol, origClientOrderId: clientAlgoId };
      this.#command(this.#product.cancelOrder, params, 'cancelAlgo', symbol, clientAlgoId);
    }
  }

  cancelAllAlgoOrders(symbol: string): void {
    const conditional = this.#product.conditional;
    if (conditional.via === 'algo') {
      this.#command(conditional.cancelAll, { symbol }, 'cancelAlgo', symbol, '');
      return;
    }
    for (const o of this.#openOrders({ symbol })) {
      if (isConditionalType(o.type)) this.cancelAlgoOrder(symbol, o.clientOrderId);
    }
  }

  setLeverage(symbol: string, leverage: number): void {
    this.#command(this.#product.leverage, { symbol, leverage: String(leverage) }, 'leverage', symbol, '');
  }

  setMarginType(symbol: string, marginType: MarginType): void {
    this.#command(this.#product.marginType, { symbol, marginType }, 'marginType', symbol, '');
  }

  health(): FeedHealth {
    return IN_PROCESS_FEED;
  }

  #openOrders(params: Readonly<Record<string, string>>): OpenOrderWire[] {
    return this.#local.read<OpenOrderWire[]>(this.#product.openOrders, params);
  }

  #command(
    route: string,
    params: Record<string, string>,
    action: OrderRejected['action'],
    symbol: string,
    clientId: string,
  ): void {
    try {
      this.#local.command(route, params);
    } catch (error) {
      const code =
        typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1000;
      const message =
        error instanceof Error ? ((error as { msg?: string }).msg ?? error.message) : String(error);
      this.#sink?.({
        kind: 'rejected',
        rejection: { symbol, clientId, action, code, message, time: this.#local.venue.now },
      });
    }
  }

  #onUser(event: UserDataEvent): void {
    const sink = this.#sink;
    if (sink === undefined) return;
    switch (event.e) {
      case 'ORDER_TRADE_UPDATE': {
        if (this.#product.conditional.via === 'order' && isConditionalType(event.o.o)) {
          sink({ kind: 'algo', update: conditionalEvent(event) });
          return;
        }
        const { update, fill } = orderEvents(event, this.#quoteAsset);
        sink({ kind: 'order', update });
        if (fill !== undefined) sink({ kind: 'fill', fill });
        return;
      }
      case 'ACCOUNT_UPDATE': {
        const rows = positionRows(event);
        for (const b of event.a.B) {
          sink({
            kind: 'balance',
            change: { asset: b.a, wallet: dec(b.wb), change: dec(b.bc), reason: event.a.m, time: event.T },
          });
          if (event.a.m === 'FUNDING_FEE' && !dec(b.bc).isZero()) {
            const symbol = rows[0]?.symbol ?? this.#fundingSymbol(event.T, b.a, dec(b.bc));
            sink({ kind: 'funding', payment: { symbol, amount: dec(b.bc), asset: b.a, time: event.T } });
          }
        }
        for (const row of rows) {
          sink({ kind: 'position', change: { ...row, reason: event.a.m, time: event.T } });
        }
        return;
      }
      case 'ALGO_UPDATE':
        sink({ kind: 'algo', update: algoEvent(event) });
        return;
      case 'ACCOUNT_CONFIG_UPDATE':
        if ('ac' in event)
          sink({ kind: 'leverage', symbol: event.ac.s, leverage: event.ac.l, time: event.T });
        return;
      default:
        return;
    }
  }

  /** A cross-margin funding update names no symbol: find it in the income history. */
  #fundingSymbol(time: number, asset: string, amount: Decimal): string {
    const rows = this.#local.read<IncomeWire[]>(this.#product.income, {
      incomeType: 'FUNDING_FEE',
      startTime: String(time),
      endTime: String(time),
      limit: '1000',
    });
    let fallback: IncomeWire | undefined;
    for (const row of rows) {
      const id = String(row.tranId);
      if (this.#seenFunding.has(id) || row.asset !== asset) continue;
      fallback ??= row;
      if (dec(row.income).eq(amount)) {
        this.#seenFunding.add(id);
        return row.symbol;
      }
    }
    if (fallback !== undefined) this.#seenFunding.add(String(fallback.tranId));
    return fallback?.symbol ?? '';
  }
}

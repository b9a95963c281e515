import type { Decimal, MarginType, UserDataEvent } from '@basis/core';
import type {
  AccountSnapshot,
  ExecutionClient,
  ExecutionSink,
  NormalizedAlgoOrder,
  NormalizedModify,
  NormalizedOrder,
} from '../execution/executionClient.js';
import type { OrderRejected, OrderUpdate } from '../strategy/events.js';
import type { LocalVenue } from './localVenue.js';
import { algoEvent, dec, orderEvents, positionRows } from './translate.js';

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
 */
export class LocalExecutionClient implements ExecutionClient {
  readonly #local: LocalVenue;
  readonly #quoteAsset: string;
  readonly #seenFunding = new Set<string>();
  #sink: ExecutionSink | undefined;
  #stop: (() => void) | undefined;

  constructor(local: LocalVenue, quoteAsset = 'USDT') {
    this.#local = local;
    this.#quoteAsset = quoteAsset;
  }

  async start(sink: ExecutionSink): Promise<AccountSnapshot> {
    this.#sink = sink;
    this.#stop = this.#local.listen({
      userEvent: (accountId, event) => {
        if (accountId === this.#local.accountId) this.#onUser(event);
      },
    });
    const account = this.#local.read<AccountWire>('GET /fapi/v2/account', {});
    const open = this.#local.read<OpenOrderWire[]>('GET /fapi/v1/openOrders', {});
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
    const openOrders: OrderUpdate[] = open.map((o) => ({
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
    this.#command('POST /fapi/v1/order', params, 'submit', order.symbol, order.clientOrderId);
  }

  modifyOrder(modify: NormalizedModify): void {
    this.#command(
      'PUT /fapi/v1/order',
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
      'DELETE /fapi/v1/order',
      { symbol, origClientOrderId: clientOrderId },
      'cancel',
      symbol,
      clientOrderId,
    );
  }

  cancelAllOrders(symbol: string): void {
    this.#command('DELETE /fapi/v1/allOpenOrders', { symbol }, 'cancel', symbol, '');
  }

  submitAlgoOrder(order: NormalizedAlgoOrder): void {
    const params: Record<string, string> = {
      algoType: 'CONDITIONAL',
      symbol: order.symbol,
      side: order.side,
      type: order.type,
      clientAlgoId: order.clientAlgoId,
    };
    if (order.quantity !== undefined) params.quantity = order.quantity.toString();
    if (order.price !== undefined) params.price = order.price.toString();
    if (order.triggerPrice !== undefined) params.triggerPrice = order.triggerPrice.toString();
    if (order.closePosition) params.closePosition = 'true';
    if (order.reduceOnly) params.reduceOnly = 'true';
    if (order.workingType !== undefined) params.workingType = order.workingType;
    if (order.callbackRate !== undefined) params.callbackRate = order.callbackRate.toString();
    if (order.activatePrice !== undefined) params.activatePrice = order.activatePrice.toString();
    if (order.type === 'STOP' || order.type === 'TAKE_PROFIT') params.timeInForce = 'GTC';
    this.#command('POST /fapi/v1/algoOrder', params, 'submitAlgo', order.symbol, order.clientAlgoId);
  }

  cancelAlgoOrder(symbol: string, clientAlgoId: string): void {
    this.#command('DELETE /fapi/v1/algoOrder', { symbol, clientAlgoId }, 'cancelAlgo', symbol, clientAlgoId);
  }

  cancelAllAlgoOrders(symbol: string): void {
    this.#command('DELETE /fapi/v1/algoOpenOrders', { symbol }, 'cancelAlgo', symbol, '');
  }

  setLeverage(symbol: string, leverage: number): void {
    this.#command('POST /fapi/v1/leverage', { symbol, leverage: String(leverage) }, 'leverage', symbol, '');
  }

  setMarginType(symbol: string, marginType: MarginType): void {
    this.#command('POST /fapi/v1/marginType', { symbol, marginType }, 'marginType', symbol, '');
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
    const rows = this.#local.read<IncomeWire[]>('GET /fapi/v1/income', {
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

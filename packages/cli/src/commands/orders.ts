import type { AlgoOrderDetail, CoinmOrder, Order } from '@basis/core';
import { CliUsageError } from '../cliError.js';
import {
  CLIENT_FLAGS,
  describeTarget,
  MARKET_FLAG,
  marketOf,
  resolveTarget,
  targetJson,
  withClient,
} from '../client.js';
import { defineCommand } from '../command.js';
import { formatTable, formatTime, toJson, trimDecimal } from '../table.js';

/** One line of the table: a regular order or a conditional (algo) order. */
interface OrderRow {
  readonly kind: 'order' | 'algo';
  readonly id: string;
  readonly clientId: string;
  readonly symbol: string;
  readonly side: string;
  readonly type: string;
  readonly price: string;
  readonly trigger: string;
  readonly quantity: string;
  readonly filled: string;
  readonly status: string;
  readonly flags: string;
  readonly time: number | undefined;
}

export default defineCommand({
  name: 'orders',
  description: 'list open orders (regular and conditional); --all lists the order history of one symbol',
  flags: {
    ...CLIENT_FLAGS,
    ...MARKET_FLAG,
    symbol: { type: 'string', valueName: 'SYMBOL', description: 'only this symbol (required with --all)' },
    all: {
      type: 'boolean',
      default: false,
      description:
        'every order of --symbol, conditional ones included, filled and canceled ones too (the last 7 days)',
    },
    limit: {
      type: 'string',
      valueName: 'N',
      description: 'with --all: at most N orders and N conditional orders (1..1000, default 50)',
    },
  },
  async run({ flags, io }) {
    const symbol = flags.symbol?.toUpperCase();
    if (flags.all && symbol === undefined)
      throw new CliUsageError('--all lists the history of one symbol: add --symbol, e.g. --symbol BTCUSDT');
    if (flags.limit !== undefined && !flags.all) throw new CliUsageError('--limit goes with --all');
    const limit = flags.limit === undefined ? 50 : Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new CliUsageError(`--limit must be an integer 1..1000; got ${flags.limit}`);
    const market = marketOf([symbol], flags.market);
    const target = resolveTarget(flags, io, { changesState: false, action: 'read orders', market });
    const { orders, algoOrders } = await withClient(target, async (client) => {
      if (flags.all && symbol !== undefined) {
        const [history, algoHistory] = await Promise.all([
          client.getAllOrders({ symbol, limit }),
          client.getAllAlgoOrders({ symbol, limit }),
        ]);
        return { orders: history, algoOrders: algoHistory };
      }
      const bySymbol = symbol === undefined ? {} : { symbol };
      const [open, openAlgo] = await Promise.all([
        client.getOpenOrders(bySymbol),
        client.getOpenAlgoOrders(bySymbol),
      ]);
      return { orders: open, algoOrders: openAlgo };
    });
    if (flags.json) {
      io.stdout.write(
        toJson({
          ...targetJson(target),
          orders,
          algoOrders,
        }),
      );
      return 0;
    }
    const rows = [...orders.map(orderRow), ...algoOrders.map(algoRow)].sort(
      (a, b) => (a.time ?? 0) - (b.time ?? 0),
    );
    if (rows.length === 0) {
      const what = flags.all ? 'No orders' : 'No open orders';
      io.stdout.write(`${what}${symbol === undefined ? '' : ` on ${symbol}`} (${describeTarget(target)}).\n`);
      return 0;
    }
    io.stdout.write(
      formatTable(
        [
          { header: 'ID', value: (r) => (r.kind === 'algo' ? `algo:${r.id}` : r.id) },
          { header: 'CLIENT ID', value: (r) => r.clientId },
          { header: 'SYMBOL', value: (r) => r.symbol },
          { header: 'SIDE', value: (r) => r.side },
          { header: 'TYPE', value: (r) => r.type },
          { header: 'PRICE', value: (r) => r.price, right: true },
          { header: 'TRIGGER', value: (r) => r.trigger, right: true },
          { header: market === 'coinm' ? 'CONTRACTS' : 'QTY', value: (r) => r.quantity, right: true },
          { header: 'FILLED', value: (r) => r.filled, right: true },
          { header: 'STATUS', value: (r) => r.status },
          { header: 'FLAGS', value: (r) => r.flags },
          { header: 'TIME (UTC)', value: (r) => formatTime(r.time) },
        ],
        rows,
      ),
    );
    return 0;
  },
});

const zeroAsEmpty = (value: string | undefined) => {
  const trimmed = trimDecimal(value);
  return trimmed === '0' ? '' : trimmed;
};

function orderRow(order: Order | CoinmOrder): OrderRow {
  return {
    kind: 'order',
    id: String(order.orderId),
    clientId: order.clientOrderId,
    symbol: order.symbol,
    side: order.side,
    type: order.type === 'LIMIT' ? `LIMIT ${order.timeInForce}` : order.type,
    price: zeroAsEmpty(order.price),
    trigger: zeroAsEmpty(order.stopPrice),
    quantity: trimDecimal(order.origQty),
    filled: trimDecimal(order.executedQty),
    status: order.status,
    flags: [order.reduceOnly ? 'reduce-only' : '', order.positionSide === 'BOTH' ? '' : order.positionSide]
      .filter(Boolean)
      .join(','),
    time: order.time ?? order.updateTime,
  };
}

function algoRow(order: AlgoOrderDetail): OrderRow {
  return {
    kind: 'algo',
    id: String(order.algoId),
    clientId: order.clientAlgoId,
    symbol: order.symbol,
    side: order.side,
    type: order.orderType,
    price: zeroAsEmpty(order.price),
    trigger: zeroAsEmpty(order.triggerPrice),
    quantity: order.closePosition ? 'close' : trimDecimal(order.quantity),
    filled: '',
    status: order.algoStatus,
    flags: [order.reduceOnly ? 'reduce-only' : '', order.positionSide === 'BOTH' ? '' : order.positionSide]
      .filter(Boolean)
      .join(','),
    time: order.createTime,
  };
}

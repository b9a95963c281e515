import type { CoinmOrder, Id, Order } from '@basis/core';
import { CliUsageError } from '../cliError.js';
import { CLIENT_FLAGS, describeTarget, marketOf, resolveTarget, withClient, YES_FLAG } from '../client.js';
import { defineCommand } from '../command.js';
import { toJson, trimDecimal } from '../table.js';

export default defineCommand({
  name: 'cancel',
  description:
    'cancel an order by id or client id, or every open order of a symbol (USD-M or COIN-M, by the symbol)',
  usage: '<symbol> (<orderId> | algo:<algoId> | --client-id ID | --all)',
  flags: {
    ...CLIENT_FLAGS,
    ...YES_FLAG,
    'client-id': {
      type: 'string',
      valueName: 'ID',
      description: 'cancel the order with this client order id',
    },
    algo: {
      type: 'boolean',
      default: false,
      description: "with --client-id: the id is a conditional order's client algo id",
    },
    all: {
      type: 'boolean',
      default: false,
      description: 'cancel every open order of the symbol, conditional ones included',
    },
  },
  async run({ flags, positionals, io }) {
    const [rawSymbol, rawId, ...extra] = positionals;
    const usage =
      'give a symbol and what to cancel: basis cancel BTCUSDT <orderId>, --client-id ID or --all (see basis orders)';
    if (rawSymbol === undefined) throw new CliUsageError(usage);
    if (extra.length > 0) throw new CliUsageError(`unexpected arguments: ${extra.join(' ')}`);
    const symbol = rawSymbol.toUpperCase();
    const ways = [rawId !== undefined, flags['client-id'] !== undefined, flags.all].filter(Boolean).length;
    if (ways === 0) throw new CliUsageError(usage);
    if (ways > 1) throw new CliUsageError('give one of <orderId>, --client-id ID or --all');
    if (flags.algo && flags['client-id'] === undefined)
      throw new CliUsageError('--algo goes with --client-id; an algo id is written algo:<id>');
    const ref = rawId === undefined ? undefined : parseRef(rawId);
    const target = resolveTarget(flags, io, {
      changesState: true,
      action: flags.all ? `cancel every open order of ${symbol}` : `cancel an order on ${symbol}`,
      market: marketOf([symbol], undefined),
    });

    if (flags.all) {
      const result = await withClient(target, async (client) => {
        const [open, openAlgo] = await Promise.all([
          client.getOpenOrders({ symbol }),
          client.getOpenAlgoOrders({ symbol }),
        ]);
        await client.cancelAllOpenOrders({ symbol });
        if (openAlgo.length > 0) await client.cancelAllAlgoOpenOrders({ symbol });
        return {
          orders: open.map((o) => ({ orderId: o.orderId, clientOrderId: o.clientOrderId })),
          algoOrders: openAlgo.map((o) => ({ algoId: o.algoId, clientAlgoId: o.clientAlgoId })),
        };
      });
      if (flags.json) {
        io.stdout.write(toJson({ env: target.env, market: target.market, symbol, canceled: result }));
      } else {
        const n = result.orders.length;
        const m = result.algoOrders.length;
        io.stdout.write(
          n + m === 0
            ? `No open orders on ${symbol} (${describeTarget(target)}); nothing to cancel.\n`
            : `Canceled ${n} order${n === 1 ? '' : 's'}${m === 0 ? '' : ` and ${m} conditional order${m === 1 ? '' : 's'}`} on ${symbol} (${describeTarget(target)}).\n`,
        );
      }
      return 0;
    }

    const clientId = flags['client-id'];
    if (ref?.kind === 'algo' || (clientId !== undefined && flags.algo)) {
      const algoRef = ref?.kind === 'algo' ? { algoId: ref.id } : { clientAlgoId: clientId as string };
      const canceled = await withClient(target, (client) => client.cancelAlgoOrder(algoRef));
      if (flags.json) io.stdout.write(toJson({ env: target.env, market: target.market, symbol, canceled }));
      else
        io.stdout.write(
          `Canceled conditional order ${ref?.kind === 'algo' ? `algo:${String(ref.id)}` : `client id ${clientId}`} on ${symbol}.\n`,
        );
      return 0;
    }
    const orderRef = ref === undefined ? { origClientOrderId: clientId as string } : { orderId: ref.id };
    const order = await withClient<Order | CoinmOrder>(target, (client) =>
      client.cancelOrder({ symbol, ...orderRef }),
    );
    if (flags.json) {
      io.stdout.write(toJson({ env: target.env, market: target.market, symbol, canceled: order }));
      return 0;
    }
    io.stdout.write(
      `Canceled order ${String(order.orderId)} (client id ${order.clientOrderId}) on ${symbol}: ${order.side} ${order.type} ${trimDecimal(order.origQty)}${target.market === 'coinm' ? ' contracts' : ''}${Number(order.price) > 0 ? ` @ ${trimDecimal(order.price)}` : ''}, filled ${trimDecimal(order.executedQty)}, status ${order.status}.\n`,
    );
    return 0;
  },
});

/** `123` (an order id) or `algo:123` (a conditional order's algo id). */
function parseRef(value: string): { kind: 'order' | 'algo'; id: Id } {
  const algo = value.toLowerCase().startsWith('algo:');
  const digits = algo ? value.slice(5) : value;
  if (!/^\d+$/.test(digits))
    throw new CliUsageError(
      `<orderId> must be a number (or algo:<number>); got ${value}. To cancel by client order id, use --client-id ${value}`,
    );
  const n = Number(digits);
  return { kind: algo ? 'algo' : 'order', id: Number.isSafeInteger(n) ? n : BigInt(digits) };
}

import {
  ORDER_TYPES,
  type OrderSide,
  type OrderType,
  type PositionSide,
  TIME_IN_FORCES,
  type TimeInForce,
} from '@basis/core';
import {
  type NewCoinmOrderReturnType,
  type NewOrderParameters,
  type NewOrderReturnType,
  OrderValidationError,
} from '@basis/sdk';
import { CliUsageError } from '../cliError.js';
import {
  CLIENT_FLAGS,
  describeTarget,
  marketOf,
  perMarket,
  resolveTarget,
  targetJson,
  withClient,
  YES_FLAG,
} from '../client.js';
import { defineCommand } from '../command.js';
import { toJson, trimDecimal } from '../table.js';

const DECIMAL = /^\d+(\.\d+)?$/;
const PRICED_TYPES: readonly OrderType[] = ['LIMIT', 'STOP', 'TAKE_PROFIT'];
const TRIGGERED_TYPES: readonly OrderType[] = ['STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET'];

export default defineCommand({
  name: 'order',
  description:
    "place an order through the SDK's order layer: checked against the symbol's filters before anything is sent (COIN-M symbols such as BTCUSD_PERP: quantity in contracts)",
  usage: '<symbol> <side> <type> <quantity> [price]',
  flags: {
    ...CLIENT_FLAGS,
    ...YES_FLAG,
    tif: {
      type: 'string',
      valueName: 'TIF',
      description: `time in force: ${TIME_IN_FORCES.join(', ')} (GTX = post-only; default GTC for priced types)`,
    },
    'reduce-only': { type: 'boolean', default: false, description: 'only reduce the position' },
    'stop-price': {
      type: 'string',
      valueName: 'PRICE',
      description: 'trigger price of STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET',
    },
    'callback-rate': {
      type: 'string',
      valueName: 'PCT',
      description: 'TRAILING_STOP_MARKET callback rate, %',
    },
    'activation-price': {
      type: 'string',
      valueName: 'PRICE',
      description: 'TRAILING_STOP_MARKET activation price',
    },
    'position-side': { type: 'string', valueName: 'SIDE', description: 'LONG or SHORT (hedge mode only)' },
    'client-id': { type: 'string', valueName: 'ID', description: 'client order id (default: generated)' },
  },
  async run({ flags, positionals, io }) {
    const [rawSymbol, rawSide, rawType, quantity, price, ...extra] = positionals;
    if (rawSymbol === undefined || rawSide === undefined || rawType === undefined || quantity === undefined)
      throw new CliUsageError(
        'give <symbol> <side> <type> <quantity> [price], e.g. basis order BTCUSDT buy limit 0.002 60000',
      );
    if (extra.length > 0) throw new CliUsageError(`unexpected arguments after the price: ${extra.join(' ')}`);
    const symbol = rawSymbol.toUpperCase();
    const side = parseSide(rawSide);
    const type = parseType(rawType);
    if (!DECIMAL.test(quantity))
      throw new CliUsageError(`<quantity> must be a positive decimal such as 0.002; got ${quantity}`);
    if (PRICED_TYPES.includes(type) && price === undefined)
      throw new CliUsageError(
        `${type} orders need a price: basis order ${symbol} ${side.toLowerCase()} ${type.toLowerCase()} ${quantity} <price>`,
      );
    if (!PRICED_TYPES.includes(type) && price !== undefined)
      throw new CliUsageError(`${type} orders take no price; drop ${price} or use LIMIT`);
    if (price !== undefined && !DECIMAL.test(price))
      throw new CliUsageError(`[price] must be a positive decimal such as 60000.1; got ${price}`);
    const stopPrice = flags['stop-price'];
    if (TRIGGERED_TYPES.includes(type) && stopPrice === undefined)
      throw new CliUsageError(`${type} orders need a trigger: add --stop-price <price>`);
    if (!TRIGGERED_TYPES.includes(type) && stopPrice !== undefined)
      throw new CliUsageError(
        `--stop-price goes with STOP, STOP_MARKET, TAKE_PROFIT or TAKE_PROFIT_MARKET, not ${type}`,
      );
    const callbackRate = flags['callback-rate'];
    if (type === 'TRAILING_STOP_MARKET' && callbackRate === undefined)
      throw new CliUsageError('TRAILING_STOP_MARKET orders need --callback-rate <percent>, e.g. 1');
    for (const [name, value] of [
      ['--stop-price', stopPrice],
      ['--callback-rate', callbackRate],
      ['--activation-price', flags['activation-price']],
    ] as const) {
      if (value !== undefined && !DECIMAL.test(value))
        throw new CliUsageError(`${name} must be a positive decimal; got ${value}`);
    }
    const tif = parseTif(flags.tif, type);
    const positionSide = parsePositionSide(flags['position-side']);
    const market = marketOf([symbol], undefined);
    const target = resolveTarget(flags, io, {
      changesState: true,
      action: `place a ${side} ${type} order`,
      market,
    });

    const parameters: NewOrderParameters = {
      symbol,
      side,
      type,
      quantity,
      ...(price === undefined ? {} : { price }),
      ...(tif === undefined ? {} : { timeInForce: tif }),
      ...(stopPrice === undefined ? {} : { stopPrice }),
      ...(callbackRate === undefined ? {} : { callbackRate }),
      ...(flags['activation-price'] === undefined ? {} : { activationPrice: flags['activation-price'] }),
      ...(positionSide === undefined ? {} : { positionSide }),
      ...(flags['reduce-only'] ? { reduceOnly: 'true' as const } : {}),
      ...(flags['client-id'] === undefined ? {} : { newClientOrderId: flags['client-id'] }),
      // LIMIT and MARKET answer with the fills so far (an ACK would say NEW for a filled market order).
      ...(type === 'LIMIT' || type === 'MARKET' ? { newOrderRespType: 'RESULT' as const } : {}),
    };
    const outcome = await withClient(target, async (client) => {
      try {
        const placed = await perMarket<Promise<NewOrderReturnType | NewCoinmOrderReturnType>>(client, {
          usdm: (c) => c.newOrder(parameters),
          coinm: (c) => c.newOrder(parameters),
        });
        return { placed };
      } catch (error) {
        if (error instanceof OrderValidationError) return { invalid: error };
        throw error;
      }
    });
    if ('invalid' in outcome) {
      const error = outcome.invalid;
      if (flags.json) {
        io.stdout.write(
          toJson({
            env: target.env,
            error: {
              name: error.name,
              message: error.shortMessage,
              rule: error.rule,
              symbol: error.symbol,
              field: error.field,
              value: error.value ?? null,
              limits: error.limits,
              nearest: error.nearest,
              binanceCode: error.binanceCode ?? null,
            },
          }),
        );
      }
      io.stderr.write(`${validationText(error)}\n`);
      return 1;
    }
    const { placed } = outcome;
    if (flags.json) {
      io.stdout.write(
        toJson({
          ...targetJson(target),
          ...placed,
        }),
      );
      return 0;
    }
    const what = `${side} ${type} ${quantity}${market === 'coinm' ? ' contracts' : ''} ${symbol}${price === undefined ? '' : ` @ ${price}`}${stopPrice === undefined ? '' : ` trigger ${stopPrice}`}`;
    if (placed.endpoint === 'order') {
      const o = placed.order;
      io.stdout.write(
        `Placed ${what} on ${describeTarget(target)}\n  order id ${String(o.orderId)}  client id ${placed.clientOrderId}  status ${o.status}  filled ${trimDecimal(o.executedQty)}${Number(o.avgPrice) > 0 ? ` @ ${trimDecimal(o.avgPrice)}` : ''}\n`,
      );
    } else {
      const o = placed.order;
      io.stdout.write(
        `Placed ${what} on ${describeTarget(target)} (conditional)\n  algo id ${String(o.algoId)}  client id ${placed.clientOrderId}  status ${o.algoStatus}\n`,
      );
    }
    return 0;
  },
});

/** The validation error as the CLI prints it: what broke, the rule, its limits and the nearest valid values. */
export function validationText(error: OrderValidationError): string {
  const nearest = [
    error.nearest.below === undefined ? undefined : `${error.nearest.below} (below)`,
    error.nearest.above === undefined ? undefined : `${error.nearest.above} (above)`,
  ].filter((part): part is string => part !== undefined);
  const limits = Object.entries(error.limits).map(([name, value]) => `${name} ${value}`);
  return [
    `basis order: not sent: ${error.shortMessage.replace(/ Not sent\.$/, '')}`,
    `  rule     ${error.rule}`,
    `  ${error.field.padEnd(8)} ${error.value ?? '(missing)'}`,
    ...(limits.length === 0 ? [] : [`  limits   ${limits.join(', ')}`]),
    ...(nearest.length === 0 ? [] : [`  nearest  ${nearest.join(', ')}`]),
    ...(error.binanceCode === undefined ? [] : [`  Binance would answer ${error.binanceCode}.`]),
  ].join('\n');
}

function parseSide(value: string): OrderSide {
  const upper = value.toUpperCase();
  if (upper === 'BUY' || upper === 'SELL') return upper;
  throw new CliUsageError(`<side> must be buy or sell; got ${value}`);
}

function parseType(value: string): OrderType {
  const upper = value.toUpperCase().replaceAll('-', '_');
  const type = upper === 'TRAILING' ? 'TRAILING_STOP_MARKET' : upper;
  if ((ORDER_TYPES as readonly string[]).includes(type)) return type as OrderType;
  throw new CliUsageError(
    `<type> must be one of ${ORDER_TYPES.map((t) => t.toLowerCase()).join(', ')}; got ${value}`,
  );
}

function parseTif(value: string | undefined, type: OrderType): TimeInForce | undefined {
  if (value === undefined) return PRICED_TYPES.includes(type) ? 'GTC' : undefined;
  const upper = value.toUpperCase();
  if (!(TIME_IN_FORCES as readonly string[]).includes(upper))
    throw new CliUsageError(`--tif must be one of ${TIME_IN_FORCES.join(', ')}; got ${value}`);
  if (!PRICED_TYPES.includes(type))
    throw new CliUsageError(`--tif goes with priced orders (LIMIT, STOP, TAKE_PROFIT), not ${type}`);
  return upper as TimeInForce;
}

function parsePositionSide(value: string | undefined): PositionSide | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (upper === 'LONG' || upper === 'SHORT' || upper === 'BOTH') return upper;
  throw new CliUsageError(`--position-side must be LONG or SHORT (hedge mode) or BOTH; got ${value}`);
}

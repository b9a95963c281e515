import { BTCUSD_PERP_TIERS } from '../margin/sampleTiers.js';
import type { SymbolSpec, TierSpec } from './symbolSpec.js';

// COIN-M brackets are in coin (`qtyFloor`/`qtyCap` of `/dapi/v1/leverageBracket`), modelled on
// Binance's; BTC's are the margin tests' sample table, so the listing and the worked examples agree.
const BTCUSD_TIERS: readonly TierSpec[] = BTCUSD_PERP_TIERS;

const ETHUSD_TIERS: readonly TierSpec[] = [
  ['0', '150', '0.005', 100],
  ['150', '300', '0.0065', 75],
  ['300', '1500', '0.01', 50],
  ['1500', '3000', '0.025', 20],
  ['3000', '6000', '0.05', 10],
  ['6000', '12000', '0.1', 5],
  ['12000', '24000', '0.125', 4],
  ['24000', '48000', '0.15', 3],
  ['48000', '100000', '0.25', 2],
  ['100000', '200000', '0.5', 1],
];

const PERPETUAL_DELIVERY = 4133404800000; // 2100-12-25 08:00 UTC, as Binance publishes for perpetuals

/** What differs between COIN-M contracts of the default listing. */
export interface CoinmOverrides {
  readonly symbol: string;
  readonly baseAsset: string;
  readonly contractType: SymbolSpec['contractType'];
  readonly contractSize: number;
  readonly onboardDate: number;
  readonly deliveryDate: number;
  readonly pricePrecision: number;
  readonly tickSize: string;
  readonly minPrice: string;
  readonly maxPrice: string;
  readonly marketMaxQty: string;
  readonly tiers: readonly TierSpec[];
  readonly underlyingSubType: readonly string[];
  readonly synthetic: SymbolSpec['synthetic'];
}

/**
 * A COIN-M inverse contract: quoted in USD, margined and settled in its base coin, quantities in
 * whole contracts of `contractSize` USD, no MIN_NOTIONAL filter (reference §13.1).
 */
export function coinmContract(o: CoinmOverrides): SymbolSpec {
  return {
    symbol: o.symbol,
    pair: `${o.baseAsset}USD`,
    contractType: o.contractType,
    baseAsset: o.baseAsset,
    quoteAsset: 'USD',
    marginAsset: o.baseAsset,
    contractSize: o.contractSize,
    pricePrecision: o.pricePrecision,
    quantityPrecision: 0,
    baseAssetPrecision: 8,
    quotePrecision: 8,
    onboardDate: o.onboardDate,
    deliveryDate: o.deliveryDate,
    underlyingType: 'COIN',
    underlyingSubType: o.underlyingSubType,
    tickSize: o.tickSize,
    minPrice: o.minPrice,
    maxPrice: o.maxPrice,
    stepSize: '1',
    minQty: '1',
    maxQty: '1000000',
    marketStepSize: '1',
    marketMinQty: '1',
    marketMaxQty: o.marketMaxQty,
    minNotional: '0',
    maxNumOrders: 200,
    maxNumAlgoOrders: 100,
    multiplierUp: '1.0500',
    multiplierDown: '0.9500',
    multiplierDecimal: '4',
    triggerProtect: '0.0500',
    liquidationFee: '0.010000',
    marketTakeBound: '0.05',
    maintMarginPercent: '2.5000',
    requiredMarginPercent: '5.0000',
    fundingIntervalHours: 8,
    fundingRateCap: '0.00300000',
    fundingRateFloor: '-0.00300000',
    interestRate: '0.00010000',
    tiers: o.tiers,
    synthetic: o.synthetic,
  };
}

/** The two COIN-M underlyings a fresh exchange lists, with everything but the contract type and dates. */
export const COINM_UNDERLYINGS = {
  BTC: {
    baseAsset: 'BTC',
    contractSize: 100,
    pricePrecision: 1,
    tickSize: '0.1',
    minPrice: '1000',
    maxPrice: '4529764',
    marketMaxQty: '60000',
    tiers: BTCUSD_TIERS,
    underlyingSubType: ['PoW'],
    synthetic: {
      initialPrice: '96000.0',
      annualVolatility: '0.50',
      takerRate: 2,
      typicalTradeQty: '10',
      levelQty: '400',
      halfSpreadTicks: 1,
    },
  },
  ETH: {
    baseAsset: 'ETH',
    contractSize: 10,
    pricePrecision: 2,
    tickSize: '0.01',
    minPrice: '50',
    maxPrice: '306177',
    marketMaxQty: '100000',
    tiers: ETHUSD_TIERS,
    underlyingSubType: ['Layer-1'],
    synthetic: {
      initialPrice: '3400.00',
      annualVolatility: '0.65',
      takerRate: 1.5,
      typicalTradeQty: '80',
      levelQty: '4000',
      halfSpreadTicks: 1,
    },
  },
} as const satisfies Record<
  string,
  Omit<CoinmOverrides, 'symbol' | 'contractType' | 'onboardDate' | 'deliveryDate'>
>;

/** The COIN-M perpetuals of a fresh exchange: BTCUSD_PERP and ETHUSD_PERP. */
export const DEFAULT_COINM_PERPETUALS: readonly SymbolSpec[] = [
  coinmContract({
    ...COINM_UNDERLYINGS.BTC,
    symbol: 'BTCUSD_PERP',
    contractType: 'PERPETUAL',
    onboardDate: 1597042800000,
    deliveryDate: PERPETUAL_DELIVERY,
  }),
  coinmContract({
    ...COINM_UNDERLYINGS.ETH,
    symbol: 'ETHUSD_PERP',
    contractType: 'PERPETUAL',
    onboardDate: 1597042800000,
    deliveryDate: PERPETUAL_DELIVERY,
  }),
];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Quarterly contracts follow the March, June, September, December cycle (months 0-based). */
const QUARTER_MONTHS = [2, 5, 8, 11] as const;

/** The last Friday of `month` (0-based) of `year` at 08:00 UTC: Binance's quarterly delivery time. */
export function quarterlyDeliveryDate(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const back = (new Date(lastDay).getUTCDay() - 5 + 7) % 7; // days since the last Friday (5)
  return lastDay - back * DAY_MS + 8 * HOUR_MS;
}

/** The quarterly delivery dates strictly after `time`, the nearest first (`count` of them). */
export function quarterlyDeliveriesAfter(time: number, count: number): number[] {
  const dates: number[] = [];
  let year = new Date(time).getUTCFullYear();
  while (dates.length < count) {
    for (const month of QUARTER_MONTHS) {
      const date = quarterlyDeliveryDate(year, month);
      if (date > time && dates.length < count) dates.push(date);
    }
    year++;
  }
  return dates;
}

/** `<pair>_<YYMMDD>` of a delivery contract, e.g. BTCUSD_250328 (reference §13.1). */
export function deliverySymbol(pair: string, deliveryDate: number): string {
  const d = new Date(deliveryDate);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${pair}_${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
}

/**
 * The quarterly contract of `template`'s pair delivering at `deliveryDate`: the template's terms under
 * the new symbol and dates. A quarterly is listed when the one two quarters before it delivers (it
 * enters as NEXT_QUARTER then), so that delivery is its `onboardDate`.
 */
export function quarterlyContract(
  template: SymbolSpec,
  deliveryDate: number,
  contractType: 'CURRENT_QUARTER' | 'NEXT_QUARTER',
): SymbolSpec {
  const listed = quarterlyDeliveriesBefore(deliveryDate, 2)[1]!;
  return {
    ...template,
    symbol: deliverySymbol(template.pair, deliveryDate),
    contractType,
    onboardDate: listed,
    deliveryDate,
  };
}

/** The quarterly delivery dates strictly before `time`, the nearest first. */
function quarterlyDeliveriesBefore(time: number, count: number): number[] {
  const dates: number[] = [];
  let year = new Date(time).getUTCFullYear();
  while (dates.length < count) {
    for (const month of [...QUARTER_MONTHS].reverse()) {
      const date = quarterlyDeliveryDate(year, month);
      if (date < time && dates.length < count) dates.push(date);
    }
    year--;
  }
  return dates;
}

/**
 * The COIN-M listing of a venue starting at `startTime`: the perpetuals BTCUSD_PERP and ETHUSD_PERP,
 * then per underlying the current-quarter and next-quarter delivery contracts (the two quarterly
 * deliveries after `startTime`), as Binance lists them.
 */
export function coinmSymbols(startTime: number): SymbolSpec[] {
  const [current, next] = quarterlyDeliveriesAfter(startTime, 2) as [number, number];
  const quarterlies = DEFAULT_COINM_PERPETUALS.flatMap((perpetual) => [
    quarterlyContract(perpetual, current, 'CURRENT_QUARTER'),
    quarterlyContract(perpetual, next, 'NEXT_QUARTER'),
  ]);
  return [...DEFAULT_COINM_PERPETUALS, ...quarterlies];
}

import type { AggTrade } from '@basis/core';
import { defineEndpoint } from '../../endpoint.js';
import { aggTradeRecords } from '../../market/aggTrades.js';
import { aggTradeRow } from '../../market/format.js';

/**
 * `GET /dapi/v1/aggTrades` — USD-M's selection and row without `nq`: that field counts RPI fills, which
 * COIN-M does not have, and its docs' rows do not carry it. `q` is in contracts.
 */
export const coinmAggTrades = defineEndpoint<AggTrade[]>({
  name: 'aggTrades',
  security: 'NONE',
  weight: 20,
  command: false,
  handle(venue, _context, raw) {
    const { market, aggTrades } = aggTradeRecords(venue, raw);
    return aggTrades.map((a) => {
      const { nq: _nq, ...row } = aggTradeRow(market, a);
      return row;
    });
  },
});

import type { CoinmActions } from '../../../clients/decorators/coinm.js';
import { TRADE_BINDINGS } from '../testing.js';

/** The COIN-M client's trade methods (`coinmActions`), as the trade tests cover them: the ones both markets bind. */
export const COINM_TRADE_BINDINGS = TRADE_BINDINGS satisfies readonly (keyof CoinmActions)[];

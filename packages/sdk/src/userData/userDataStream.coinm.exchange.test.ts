import { coinmWorkload, userDataStreamTests } from './workload.testing.js';

// The user-data stream of a COIN-M client against a local exchange on 127.0.0.1 (BTCUSD_PERP,
// quantities in contracts, coin balances): its key from `/dapi/v1/listenKey`, its socket under
// `/dstream/ws`, its read-backs through `/dapi`. The same suite as USD-M's (workload.testing.ts):
// the live account equals REST at every checkpoint through drops, silence, listen-key expiry,
// the 24 h cut and clock skew; no change reported twice, none missed. UD_SEED=<n> runs another seed.

userDataStreamTests(coinmWorkload, 7);

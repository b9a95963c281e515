import { usdmWorkload, userDataStreamTests } from './workload.testing.js';

// The user-data stream against a local exchange on 127.0.0.1, USD-M (BTCUSDT): a seeded random
// workload through the SDK's REST actions, with stream faults in between, must leave the live
// account equal to REST's view at every checkpoint, report no change twice and miss none. The
// suite is shared with COIN-M (workload.testing.ts). UD_SEED=<n> runs another seed.

userDataStreamTests(usdmWorkload, 7);

import { coinmBook, orderBookTests } from './testing/bookWorkload.js';

// The book of a COIN-M client against the local exchange over loopback (BTCUSD_PERP): snapshots
// from `/dapi/v1/depth` through the SDK's COIN-M depth action, diffs (with `ps`) from
// `/dstream/ws/btcusd_perp@depth@100ms`, a seeded workload of signed `/dapi/v1/order` requests in
// contracts; equal to the REST snapshot at every checkpoint. The same suite as USD-M's.

orderBookTests(coinmBook);

import { orderBookTests, usdmBook } from './testing/bookWorkload.js';

// The book against the local exchange over loopback, USD-M (BTCUSDT): snapshots from
// `/fapi/v1/depth`, diffs from `btcusdt@depth@100ms`. The suite is shared with COIN-M
// (testing/bookWorkload.ts).

orderBookTests(usdmBook);

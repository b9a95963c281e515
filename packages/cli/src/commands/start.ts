import { createSigner, Decimal, parseJson, stringifyJson, verifyHmacSha256Hex } from '@basis/core';
import { defineCommand } from '../command.js';

// Binance's published HMAC example (reference §2.3): the payload and the signature it must produce.
const EXAMPLE_SECRET = '2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9';
const EXAMPLE_PAYLOAD =
  'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943';
const EXAMPLE_SIGNATURE = '3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9';

export default defineCommand({
  name: 'start',
  description: 'run the example on the embedded local exchange',
  flags: {},
  run({ flags, io }) {
    // Until the local exchange ships, `start` proves the foundation on Binance's own examples.
    const signer = createSigner({ apiKey: 'example', apiSecret: EXAMPLE_SECRET });
    const signature = signer.sign(EXAMPLE_PAYLOAD);
    const order = parseJson('{"orderId":9223372036854775807,"price":"63123.40","origQty":"0.003"}') as {
      orderId: bigint;
      price: string;
      origQty: string;
    };
    const notional = Decimal.parse(order.price).mul(order.origQty);
    const checks = {
      signature:
        signature === EXAMPLE_SIGNATURE && verifyHmacSha256Hex(EXAMPLE_SECRET, EXAMPLE_PAYLOAD, signature),
      losslessId: stringifyJson(order.orderId) === '9223372036854775807',
      exactNotional: notional.toString() === '189.37020',
    };
    const ok = Object.values(checks).every(Boolean);
    if (flags.json) {
      io.stdout.write(
        `${JSON.stringify({ ok, checks, signature, orderId: order.orderId.toString(), notional: notional.toString() })}\n`,
      );
    } else {
      io.stdout.write(
        [
          'Basis foundation self-check (the local exchange is not built yet):',
          `  signed Binance's documented order example: ${signature} ${checks.signature ? 'matches' : 'DOES NOT MATCH'}`,
          `  parsed orderId 2^63-1 without losing digits: ${order.orderId.toString()}`,
          `  exact notional 63123.40 x 0.003 = ${notional.toString()}`,
          ok ? 'All checks passed.' : 'A check FAILED.',
          '',
        ].join('\n'),
      );
    }
    return ok ? 0 : 1;
  },
});

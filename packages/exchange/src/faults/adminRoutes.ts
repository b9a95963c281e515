import { AdminError } from '../admin/adminCommands.js';
import type { FaultInjector } from './faultInjector.js';
import { checkScope, FaultError, type FaultRuleSpec } from './faultModel.js';

/** One admin route, in the shape of `createAdminHandler`'s table. */
export type FaultAdminRoute = [
  method: string,
  pattern: RegExp,
  route: (match: RegExpMatchArray, body: Record<string, unknown>) => unknown,
];

const HTTP_STATUS: Readonly<Record<FaultError['reason'], number>> = {
  invalid: 400,
  'not-found': 404,
  unavailable: 409,
};

/**
 * The fault-injection routes of the admin API (not journaled: faults are transport, not state):
 *
 * - `GET /admin/faults` — `{ rules }`: active rules (then the last finished ones), each with `fired`
 *   and `state` (`active`, `spent`, `expired`)
 * - `POST /admin/faults` `{kind, scope?, probability?, count?, durationMs?, until?, params?}` → `{id}`
 * - `DELETE /admin/faults/:id` → `{removed: id}`; 404 for an unknown id
 * - `DELETE /admin/faults` → `{cleared: n}` (n active rules removed)
 * - `POST /admin/faults/listenKeyExpiry` `{accountId, product?}` → `{listenKey, accountId, expiredAt}`;
 *   404 when the account has no active key (of `product`: `usdm`, the default, or `coinm`)
 * - `POST /admin/faults/dropConnections` `{filter?}` → `{closed: n}`; 409 without WebSockets
 * - `POST /admin/faults/force24hDisconnect` `{filter?}` → `{closed: n}`; 409 without WebSockets
 */
export function faultAdminRoutes(faults: FaultInjector): FaultAdminRoute[] {
  return [
    ['GET', /^\/admin\/faults$/, () => ({ rules: faults.list() })],
    // `add` checks the body field by field: JSON of any shape is safe to hand it.
    [
      'POST',
      /^\/admin\/faults$/,
      (_m, body) => guard(() => ({ id: faults.add(body as unknown as FaultRuleSpec).id })),
    ],
    ['DELETE', /^\/admin\/faults$/, () => ({ cleared: faults.clear() })],
    [
      'POST',
      /^\/admin\/faults\/listenKeyExpiry$/,
      (_m, body) =>
        guard(() => {
          const { accountId, product } = body;
          if (typeof accountId !== 'number' || !Number.isSafeInteger(accountId))
            throw new AdminError('accountId must be an integer');
          if (product !== undefined && product !== 'usdm' && product !== 'coinm')
            throw new AdminError("product must be 'usdm' or 'coinm'");
          return faults.expireListenKey(accountId, product);
        }),
    ],
    [
      'POST',
      /^\/admin\/faults\/dropConnections$/,
      (_m, body) => guard(() => ({ closed: faults.dropConnections(checkScope(body.filter)) })),
    ],
    [
      'POST',
      /^\/admin\/faults\/force24hDisconnect$/,
      (_m, body) => guard(() => ({ closed: faults.force24hDisconnect(checkScope(body.filter)) })),
    ],
    [
      'DELETE',
      /^\/admin\/faults\/([^/]+)$/,
      (m) => {
        const id = m[1]!;
        if (!faults.remove(id)) throw new AdminError(`no fault ${id}`, 404);
        return { removed: id };
      },
    ],
  ];
}

/** Runs `f`, turning a {@link FaultError} into the admin API's error answer. */
function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof FaultError) throw new AdminError(error.shortMessage, HTTP_STATUS[error.reason]);
    throw error;
  }
}

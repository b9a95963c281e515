import { BasisError, Decimal } from '@basis/core';
import { forceListenKeyExpiry } from '../faults/listenKeyExpiry.js';
import type { KeyPermissions, KeySpec } from '../venue/account.js';
import type { Product, Venue } from '../venue/venue.js';

export type { KeySpec };

/**
 * The admin API's state changes, as data: each is journaled like a trading command, so a restart
 * replays them in order. Not part of Binance's surface.
 */
export type AdminCommand =
  | {
      readonly kind: 'createAccount';
      readonly balances?: Readonly<Record<string, string>>;
      readonly keys?: readonly KeySpec[];
      readonly dualSidePosition?: boolean;
    }
  | { readonly kind: 'addKey'; readonly accountId: number; readonly key: KeySpec }
  | {
      readonly kind: 'transfer';
      readonly accountId: number;
      readonly asset: string;
      readonly amount: string;
      readonly direction: 'DEPOSIT' | 'WITHDRAW';
      /** The wallet: COIN-M for the coins that margin COIN-M contracts, USD-M otherwise (default). */
      readonly product?: Product;
    }
  | {
      readonly kind: 'setFees';
      readonly accountId: number;
      readonly maker: string;
      readonly taker: string;
      /** Both products when absent. */
      readonly product?: Product;
    }
  | {
      readonly kind: 'setIndexPrice';
      readonly symbol: string;
      readonly price: string;
      readonly durationMs?: number;
    }
  | { readonly kind: 'jump'; readonly time: number }
  /** Fault injection: the account's listen key expires now (journaled, so a restart reproduces it). */
  | { readonly kind: 'expireListenKey'; readonly accountId: number; readonly product?: Product };

/** What an admin command returns to the caller (secrets appear only here, once). */
export type AdminResult =
  | { readonly kind: 'account'; readonly accountId: number; readonly keys: readonly IssuedKey[] }
  | { readonly kind: 'key'; readonly key: IssuedKey }
  | { readonly kind: 'ok' };

/** A key as issued: the API key, and the HMAC secret when the exchange generated or stored one. */
export interface IssuedKey {
  readonly apiKey: string;
  readonly type: 'HMAC' | 'ED25519' | 'RSA';
  readonly apiSecret?: string;
  readonly permissions: KeyPermissions;
}

/** Thrown for an admin request that makes no sense (unknown account, bad amount); HTTP 400/404. */
export class AdminError extends BasisError {
  override readonly name = 'AdminError' as const;
  readonly status: number;

  constructor(message: string, status = 400) {
    super(message, { docsPath: 'exchange/admin' });
    this.status = status;
  }
}

/** Applies one admin command to the venue. Deterministic: replaying it gives the same result. */
export function applyAdminCommand(venue: Venue, command: AdminCommand): AdminResult {
  switch (command.kind) {
    case 'createAccount': {
      // Everything that can fail is checked first: a command that throws must change nothing, as it
      // is not journaled.
      for (const amount of Object.values(command.balances ?? {})) parseAmount(amount);
      const fresh = new Set<string>();
      for (const spec of command.keys ?? []) {
        if (spec.apiKey === undefined) continue;
        if (venue.keys.has(spec.apiKey) || fresh.has(spec.apiKey))
          throw new AdminError('an API key with that name exists already', 409);
        fresh.add(spec.apiKey);
      }
      const account = venue.createAccount(
        command.balances === undefined ? {} : { balances: command.balances },
      );
      if (command.dualSidePosition === true) account.dualSidePosition = true;
      const keys = (command.keys ?? [{ type: 'HMAC' }]).map((spec) => issue(venue, account.id, spec));
      return { kind: 'account', accountId: account.id, keys };
    }
    case 'addKey':
      if (command.key.apiKey !== undefined && venue.keys.has(command.key.apiKey))
        throw new AdminError('an API key with that name exists already', 409);
      return { kind: 'key', key: issue(venue, command.accountId, command.key) };
    case 'transfer': {
      const amount = parseAmount(command.amount);
      venue.transfer(accountOf(venue, command.accountId), command.asset, amount, command.direction);
      return { kind: 'ok' };
    }
    case 'setFees': {
      const account = accountOf(venue, command.accountId);
      account.makerRate = parseRate(command.maker);
      account.takerRate = parseRate(command.taker);
      return { kind: 'ok' };
    }
    case 'setIndexPrice': {
      const market = venue.markets.get(command.symbol);
      if (market === undefined) throw new AdminError(`unknown symbol ${command.symbol}`, 404);
      const price = parseAmount(command.price);
      if (venue.synthetic !== undefined)
        venue.synthetic.moveIndex(market.spec.baseAsset, price, command.durationMs ?? 0);
      else
        for (const m of venue.markets.values())
          if (m.spec.baseAsset === market.spec.baseAsset) m.indexPrice = price;
      return { kind: 'ok' };
    }
    case 'jump':
      venue.jumpTo(command.time);
      return { kind: 'ok' };
    case 'expireListenKey':
      forceListenKeyExpiry(venue, command.accountId);
      return { kind: 'ok' };
  }
}

function issue(venue: Venue, accountId: number, spec: KeySpec): IssuedKey {
  const account = accountOf(venue, accountId);
  const record = venue.addApiKey(account, spec);
  return {
    apiKey: record.apiKey,
    type: record.type,
    ...(record.type === 'HMAC' ? { apiSecret: record.secret } : {}),
    permissions: record.permissions,
  };
}

function accountOf(venue: Venue, id: number) {
  const account = venue.accounts.get(id);
  if (account === undefined || account.system) throw new AdminError(`no account ${id}`, 404);
  return account;
}

function parseAmount(text: string): Decimal {
  const value = Decimal.tryParse(text);
  if (value === undefined || !value.isPositive())
    throw new AdminError(`amount must be a positive decimal, got ${text}`);
  return value;
}

function parseRate(text: string): Decimal {
  const value = Decimal.tryParse(text);
  if (value === undefined || value.isNegative() || value.gt('0.1'))
    throw new AdminError(`fee rate must be in [0, 0.1], got ${text}`);
  return value;
}

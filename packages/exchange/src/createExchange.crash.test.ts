import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal, hmacSha256Hex, parseJson } from '@basis/core';
import { afterAll, describe, expect, test } from 'vitest';

// The crash that matters: the real CLI (`basis exchange --state DIR`) in its own process, signed
// orders over HTTP from several clients at once, `kill -9` in the middle of it, a restart on the same
// directory. Whatever the exchange acknowledged must be there afterwards, and the books must balance.
//
// The child runs the CLI's real entry (`packages/cli/bin/basis.js`) through `testing/sourceRunner.mjs`,
// which serves each `packages/*/dist/*.js` from the TypeScript source beside it: the code under test,
// with no build step that could be stale, half-written by a concurrent build, or blocked by another
// package's type error.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RUNNER = fileURLToPath(new URL('./testing/sourceRunner.mjs', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/basis.js');
/** Kill after at least this many acknowledged commands... */
const ACKNOWLEDGED = 200;
/** ...or after this long, whichever comes first (the test then fails: too few commands). */
const LOAD_TIMEOUT_MS = 30_000;
const CLIENTS = 6;
const SYMBOLS = { BTCUSDT: { qty: '0.002', decimals: 1 }, ETHUSDT: { qty: '0.050', decimals: 2 } } as const;
type Pair = keyof typeof SYMBOLS;

interface Facts {
  readonly restUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
}

interface WireOrder {
  readonly orderId: number;
  readonly clientOrderId: string;
  readonly symbol: Pair;
  readonly status: string;
  readonly executedQty: string;
  readonly code?: number;
}

/** One request of the load and what became of it. */
interface Sent {
  readonly kind: 'new' | 'cancel';
  readonly symbol: Pair;
  readonly clientOrderId: string;
  /** The HTTP status and body once answered; undefined when the kill cut it off. */
  answer?: { readonly status: number; readonly body: WireOrder };
}

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Starts `basis exchange` on `stateDir` and reads the one JSON line it prints. */
async function startCli(
  stateDir: string,
  extra: readonly string[] = [],
): Promise<{ child: ChildProcess; facts: Facts }> {
  const args = ['--import', RUNNER, CLI, 'exchange', '--port', '0', '--json', '--no-rate-limits', ...extra];
  const child = spawn(process.execPath, [...args, '--state', stateDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    // The first start transpiles the workspace's sources (cached after): slow on a busy 2-core machine.
    const timer = setTimeout(() => reject(new Error(`no JSON line within 90 s; stderr: ${stderr}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, end));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited (${code}) before its JSON line; stderr: ${stderr}`));
    });
  });
  return { child, facts: parseJson(line) as Facts };
}

/** A signed request as Binance's clients send it: HMAC-SHA256 over the query string. */
async function signed(
  facts: Facts,
  method: string,
  path: string,
  params: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const query = new URLSearchParams({
    ...params,
    recvWindow: '60000',
    timestamp: String(Date.now()),
  }).toString();
  const url = `${facts.restUrl}${path}?${query}&signature=${hmacSha256Hex(facts.apiSecret, query)}`;
  const response = await fetch(url, { method, headers: { 'X-MBX-APIKEY': facts.apiKey } });
  return { status: response.status, body: parseJson(await response.text()) };
}

async function markPrices(facts: Facts): Promise<Record<Pair, Decimal>> {
  const out = {} as Record<Pair, Decimal>;
  for (const symbol of Object.keys(SYMBOLS) as Pair[]) {
    const response = await fetch(`${facts.restUrl}/fapi/v1/premiumIndex?symbol=${symbol}`);
    out[symbol] = Decimal.parse((parseJson(await response.text()) as { markPrice: string }).markPrice);
  }
  return out;
}

/**
 * One client's share of the load until the exchange dies: market orders, limit orders that rest or
 * cross, cancels of its own acknowledged resting orders.
 */
async function client(
  id: number,
  facts: Facts,
  marks: Record<Pair, Decimal>,
  sent: Sent[],
  alive: () => boolean,
  afterSend: () => void,
): Promise<void> {
  const resting: WireOrder[] = [];
  for (let n = 0; alive(); n++) {
    const symbol: Pair = (n + id) % 2 === 0 ? 'BTCUSDT' : 'ETHUSDT';
    const spec = SYMBOLS[symbol];
    const side = (Math.floor(n / 2) + id) % 2 === 0 ? 'BUY' : 'SELL';
    const clientOrderId = `crash-${id}-${n}`;
    const kind = n % 4;
    let entry: Sent;
    let request: Promise<{ status: number; body: unknown }>;
    if (kind === 3 && resting.length > 0) {
      const order = resting.shift()!;
      entry = { kind: 'cancel', symbol: order.symbol, clientOrderId: order.clientOrderId };
      request = signed(facts, 'DELETE', '/fapi/v1/order', {
        symbol: order.symbol,
        orderId: String(order.orderId),
      });
    } else if (kind === 0) {
      entry = { kind: 'new', symbol, clientOrderId };
      request = signed(facts, 'POST', '/fapi/v1/order', {
        symbol,
        side,
        type: 'MARKET',
        quantity: spec.qty,
        newClientOrderId: clientOrderId,
        newOrderRespType: 'RESULT',
      });
    } else {
      // Half rest a little away from the mark, half cross it and fill.
      const away = (kind === 1 ? -1 : 1) * (side === 'BUY' ? 1 : -1) * 0.002;
      const price = marks[symbol].mul(Decimal.parse(String(1 + away))).round(spec.decimals, 'down');
      entry = { kind: 'new', symbol, clientOrderId };
      request = signed(facts, 'POST', '/fapi/v1/order', {
        symbol,
        side,
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity: spec.qty,
        price: price.toString(),
        newClientOrderId: clientOrderId,
        newOrderRespType: 'RESULT',
      });
    }
    sent.push(entry);
    afterSend();
    try {
      const answer = await request;
      entry.answer = { status: answer.status, body: answer.body as WireOrder };
      const body = answer.body as WireOrder;
      if (entry.kind === 'new' && answer.status === 200 && body.status === 'NEW') resting.push(body);
    } catch {
      return; // the exchange is gone: this request was never acknowledged
    }
  }
}

const RANK: Record<string, number> = {
  NEW: 0,
  PARTIALLY_FILLED: 1,
  FILLED: 2,
  CANCELED: 2,
  EXPIRED: 2,
  EXPIRED_IN_MATCH: 2,
};

/** Every page of `GET /fapi/v1/income`. */
async function allIncome(facts: Facts): Promise<{ incomeType: string; income: string; asset: string }[]> {
  const rows: { incomeType: string; income: string; asset: string }[] = [];
  for (let page = 1; page <= 50; page++) {
    const { body } = await signed(facts, 'GET', '/fapi/v1/income', { limit: '1000', page: String(page) });
    const batch = body as { incomeType: string; income: string; asset: string }[];
    rows.push(...batch);
    if (batch.length < 1000) return rows;
  }
  throw new Error('more income than 50 pages');
}

describe('crash', () => {
  test('default: kill -9 under load loses nothing acknowledged, and the books balance after the restart', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'basis-crash-'));
    dirs.push(stateDir);
    // The first new order is executed and journaled, but its answer is held (fault injection): at
    // the kill it is surely unacknowledged, so the restart must show it whole or not at all.
    const first = await startCli(stateDir, ['--fault', 'slow:delayMs=120000,count=1,route=newOrder']);
    const marks = await markPrices(first.facts);

    const sent: Sent[] = [];
    let killed = false;
    const acknowledged = () => sent.filter((s) => s.answer !== undefined).length;
    const started = Date.now();
    // Halfway, a snapshot under load: the restart then recovers from it plus the journal after it.
    let snapshot: Promise<unknown> | undefined;
    const kill = () => {
      killed = true;
      first.child.kill('SIGKILL');
    };
    // The kill comes right after a request went out (so one is surely cut off), or at the time limit.
    const afterSend = () => {
      if (killed) return;
      const count = acknowledged();
      if (snapshot === undefined && count >= ACKNOWLEDGED / 2) {
        snapshot = fetch(`${first.facts.restUrl}/admin/snapshot`, { method: 'POST' }).then(async (r) =>
          parseJson(await r.text()),
        );
      }
      if (count >= ACKNOWLEDGED) kill();
    };
    const killer = setInterval(() => {
      if (!killed && Date.now() - started > LOAD_TIMEOUT_MS) kill();
    }, 50);
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    await Promise.all(
      Array.from({ length: CLIENTS }, (_, id) =>
        client(id, first.facts, marks, sent, () => !killed, afterSend),
      ),
    );
    clearInterval(killer);
    await exited;
    const answered = sent.filter((s) => s.answer !== undefined);
    expect(answered.length).toBeGreaterThanOrEqual(ACKNOWLEDGED);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(sent.length).toBeGreaterThan(answered.length);
    const { seq } = (await snapshot) as { seq: number };
    expect(seq).toBeGreaterThanOrEqual(ACKNOWLEDGED / 2);
    expect(readdirSync(stateDir)).toContain(`snapshot-${String(seq).padStart(16, '0')}.json`);

    const second = await startCli(stateDir);
    const facts = second.facts;
    expect(facts.apiKey).toBe(first.facts.apiKey);
    const get = async (symbol: Pair, clientOrderId: string) =>
      (await signed(facts, 'GET', '/fapi/v1/order', { symbol, origClientOrderId: clientOrderId }))
        .body as WireOrder;

    // Every acknowledged order, at its acknowledged status or a later one.
    for (const s of answered) {
      const ack = s.answer!;
      const now = await get(s.symbol, s.clientOrderId);
      if (ack.status !== 200) {
        // A rejected new order left nothing behind.
        if (s.kind === 'new') expect(now.code).toBe(-2013);
        continue;
      }
      expect(now.code, `${s.clientOrderId} must exist`).toBeUndefined();
      expect(now.orderId).toBe(ack.body.orderId);
      const before = RANK[ack.body.status]!;
      expect(RANK[now.status]!).toBeGreaterThanOrEqual(before);
      if (before === 2) expect(now.status).toBe(ack.body.status);
      expect(Decimal.parse(now.executedQty).gte(ack.body.executedQty)).toBe(true);
    }
    // What was cut off is there whole or not at all: an order that exists has its fills.
    const trades = new Map<string, Decimal>();
    const positions: Record<string, Decimal> = {};
    let fills = Decimal.ZERO;
    for (const symbol of Object.keys(SYMBOLS) as Pair[]) {
      const { body } = await signed(facts, 'GET', '/fapi/v1/userTrades', { symbol, limit: '1000' });
      const rows = body as {
        orderId: number;
        side: string;
        qty: string;
        realizedPnl: string;
        commission: string;
      }[];
      expect(rows.length).toBeLessThan(1000);
      let position = Decimal.ZERO;
      for (const t of rows) {
        const key = `${symbol}|${t.orderId}`;
        trades.set(key, (trades.get(key) ?? Decimal.ZERO).add(t.qty));
        position = t.side === 'BUY' ? position.add(t.qty) : position.sub(t.qty);
        fills = fills.add(t.realizedPnl).sub(t.commission);
      }
      positions[symbol] = position;
    }
    for (const s of sent) {
      if (s.kind !== 'new') continue;
      const order = await get(s.symbol, s.clientOrderId);
      if (order.code !== undefined) continue;
      const filled = trades.get(`${s.symbol}|${order.orderId}`) ?? Decimal.ZERO;
      expect(filled.eq(order.executedQty), `${s.clientOrderId}: fills = executedQty`).toBe(true);
    }
    // Balances: the wallet is deposits + realized PnL − fees + funding, by the income history and by
    // the fills; positions are the sum of the fills.
    const income = (await allIncome(facts)).filter((r) => r.asset === 'USDT');
    const sum = (type?: string) =>
      income
        .filter((r) => type === undefined || r.incomeType === type)
        .reduce((total, r) => total.add(r.income), Decimal.ZERO);
    const account = (await signed(facts, 'GET', '/fapi/v2/account', {})).body as {
      assets: { asset: string; walletBalance: string }[];
      positions: { symbol: string; positionAmt: string }[];
    };
    const wallet = Decimal.parse(account.assets.find((a) => a.asset === 'USDT')!.walletBalance);
    expect(wallet.eq(sum())).toBe(true);
    expect(wallet.eq(sum('TRANSFER').add(fills).add(sum('FUNDING_FEE')))).toBe(true);
    expect(sum('REALIZED_PNL').add(sum('COMMISSION')).eq(fills)).toBe(true);
    for (const symbol of Object.keys(SYMBOLS) as Pair[]) {
      const row = account.positions.find((p) => p.symbol === symbol);
      expect(Decimal.parse(row?.positionAmt ?? '0').eq(positions[symbol]!)).toBe(true);
    }
    second.child.kill('SIGKILL');
  }, 240_000);
});

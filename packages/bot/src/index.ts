// @basis/bot: one strategy API for backtest, paper and live trading.
// biome-ignore-all lint/performance/noBarrelFile: the package's entry point

export type { BacktestOptions, BacktestProgress, BacktestResult } from './backtest/runBacktest.js';
export { DEFAULT_BACKTEST_START, MAX_BACKTEST_STEP_MS, runBacktest } from './backtest/runBacktest.js';
export { preferSerialScavenges } from './backtest/serialScavenges.js';
export { BarAggregator } from './data/barAggregator.js';
export { Cache } from './data/cache.js';
export type {
  DataClient,
  DataEvent,
  DataSink,
  DataSubscriptions,
  Instrument,
  OrderBookView,
} from './data/dataClient.js';
export type { FeedHealth, Feeds } from './data/feedHealth.js';
export { BAR_INTERVAL_MS, intervalMs } from './data/intervals.js';
export type {
  AccountSnapshot,
  ExecutionClient,
  ExecutionEvent,
  ExecutionSink,
  NormalizedAlgoOrder,
  NormalizedModify,
  NormalizedOrder,
} from './execution/executionClient.js';
export {
  EXIT_POLICIES,
  type ExitOrder,
  type ExitPolicy,
  isExitPolicy,
  onlyReduces,
} from './execution/exitPolicy.js';
export type { AlgoOrderRequest, ModifyRequest, OrderRequest, SubmitResult } from './execution/requests.js';
export { Kernel, type KernelOptions } from './kernel/kernel.js';
export { type ComponentState, Lifecycle } from './kernel/lifecycle.js';
export type { FillLine, MarketLine, OpenOrderLine } from './kernel/realTimeUpdate.js';
export { LiveDataClient, type LiveDataClientOptions } from './live/liveDataClient.js';
export { LiveExecutionClient, type LiveExecutionClientOptions } from './live/liveExecutionClient.js';
export { COINM_LIVE, type LiveProduct, liveProduct, USDM_LIVE } from './live/liveProduct.js';
export {
  DEFAULT_DEAD_MAN_SWITCH_MS,
  type LiveOptions,
  type LiveResult,
  LiveRunRefusedError,
  type LiveUpdate,
  runLive,
} from './live/runLive.js';
export { LocalDataClient } from './local/localDataClient.js';
export { LocalExecutionClient } from './local/localExecutionClient.js';
export { COINM_LOCAL, type LocalProduct, localProduct, USDM_LOCAL } from './local/localProduct.js';
export { LocalVenue } from './local/localVenue.js';
export type { PaperOptions, PaperResult, PaperUpdate } from './paper/runPaper.js';
export { runPaper } from './paper/runPaper.js';
export { Portfolio, type PortfolioTotals } from './portfolio/portfolio.js';
export { RunRecorder } from './portfolio/recorder.js';
export {
  coinOfSymbol,
  type Product,
  productOfSymbol,
  type RunProduct,
  runProduct,
} from './product/runProduct.js';
export * from './report/index.js';
export { KillSwitch, type KillSwitchState, type KillSwitchTrip } from './risk/killSwitch.js';
export {
  checkRiskLimits,
  mergeRiskLimits,
  type RiskLimits,
  RiskLimitsError,
  type RiskLimitsErrorType,
  type RiskRule,
} from './risk/limits.js';
export { type Denial, RiskEngine, type RiskView, type TradingState } from './risk/riskEngine.js';
export {
  type RiskState,
  RiskStateError,
  type RiskStateErrorType,
  RiskStateFile,
  type RiskStateStore,
} from './risk/riskState.js';
export type * from './strategy/events.js';
export {
  EXAMPLE_STRATEGIES,
  type ExampleStrategyName,
  examplePath,
  exampleStrategiesDir,
  loadStrategy,
  resolveStrategy,
  type StrategySource,
} from './strategy/loadStrategy.js';
export {
  defineStrategy,
  type OpenAlgoView,
  type OpenOrderView,
  type PositionView,
  type RunMode,
  type Strategy,
  type StrategyContext,
  type StrategyFactory,
} from './strategy/strategy.js';

export type { ChartData, ChartMarker, ChartPoint, SymbolChart } from './chartData.js';
export { FILLS_FILE, FillJournal } from './fillJournal.js';
export type { ReportData } from './renderHtmlReport.js';
export { renderHtmlReport } from './renderHtmlReport.js';
export type { EquitySample, PeriodReturns } from './returns.js';
export {
  MIN_RATIO_RETURNS,
  MIN_RATIO_SPAN_MS,
  periodReturns,
  ratioShortfall,
  sharpeRatio,
  sortinoRatio,
} from './returns.js';
export type { RoundTrip } from './roundTrips.js';
export { deriveRoundTrips } from './roundTrips.js';
export type {
  DenialRecord,
  EquityPoint,
  FillRecord,
  FundingRecord,
  PositionPoint,
  PricePoint,
  RunMeta,
  RunRecord,
} from './runRecord.js';
export type {
  DrawdownSummary,
  ExposureSummary,
  PnlSummary,
  RiskSummary,
  RunSummary,
  TradeSummary,
  UsdValueSummary,
} from './summarize.js';
export { summarize } from './summarize.js';
export type { WriteRunReportReturnType } from './writeRunReport.js';
export { writeRunReport } from './writeRunReport.js';

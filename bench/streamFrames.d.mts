import type { PriceLevel } from '@basis/core';

export interface Frame {
  readonly stream: string;
  readonly E: number;
  readonly bytes: Buffer;
}
export interface DepthFixture {
  readonly frames: Frame[];
  readonly snapshot: { lastUpdateId: number; bids: PriceLevel[]; asks: PriceLevel[] };
  readonly levels: number;
  /** `u` of the last diff. */
  readonly lastU: number;
}
export declare const START: number;
export declare const SNAPSHOT_LEVELS: number;
export declare function bookTickers(seed?: number): Frame[];
export declare function aggTrades(seed?: number): Frame[];
export declare function depthDiffs(seed?: number): DepthFixture;
export declare function mixedFrames(...groups: (readonly Frame[])[]): Frame[];

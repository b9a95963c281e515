import type { AdlQuantileEntry } from '@basis/core';
import { adlQuantileEntries } from '../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/** `GET /fapi/v1/adlQuantile` (`symbol` optional): ADL quantiles of the symbols the account holds. */
export const getAdlQuantile = defineEndpoint<AdlQuantileEntry[]>({
  name: 'getAdlQuantile',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(venue, context, params) {
    return adlQuantileEntries(venue, accountOf(context), new ParamReader(params).string('symbol'));
  },
});

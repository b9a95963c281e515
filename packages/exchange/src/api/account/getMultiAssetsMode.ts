import type { MultiAssetsModeResponse } from '@basis/core';
import { accountOf, defineEndpoint } from '../endpoint.js';

/** `GET /fapi/v1/multiAssetsMargin`: `{"multiAssetsMargin": true}` in multi-assets mode. */
export const getMultiAssetsMode = defineEndpoint<MultiAssetsModeResponse>({
  name: 'getMultiAssetsMode',
  security: 'USER_DATA',
  weight: 30,
  command: false,
  handle(_venue, context) {
    return { multiAssetsMargin: accountOf(context).multiAssetsMargin };
  },
});

import type { AccountConfig } from '@basis/core';
import { accountConfig } from '../../venue/accountViews.js';
import { accountOf, defineEndpoint } from '../endpoint.js';

/** `GET /fapi/v1/accountConfig`: fee tier, permissions, position mode and multi-assets mode. */
export const getAccountConfig = defineEndpoint<AccountConfig>({
  name: 'getAccountConfig',
  security: 'USER_DATA',
  weight: 5,
  command: false,
  handle(_venue, context) {
    return accountConfig(accountOf(context));
  },
});

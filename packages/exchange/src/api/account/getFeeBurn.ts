import { accountOf, defineEndpoint } from '../endpoint.js';

/** `GET /fapi/v1/feeBurn` response: whether fees are paid in BNB at a discount. */
export interface FeeBurnResponse {
  feeBurn: boolean;
}

/**
 * `GET /fapi/v1/feeBurn`: always `{"feeBurn": false}`. The venue charges every fee in the margin
 * asset, so BNB fee burning is off (and `/fapi/v2/account` says the same).
 */
export const getFeeBurn = defineEndpoint<FeeBurnResponse>({
  name: 'getFeeBurn',
  security: 'USER_DATA',
  weight: 30,
  command: false,
  handle(_venue, context) {
    accountOf(context);
    return { feeBurn: false };
  },
});

/** The COIN-M client's trade methods (`coinmActions`), as the trade tests cover them. */
export const COINM_TRADE_BINDINGS = [
  'newOrder',
  'batchOrders',
  'modifyOrder',
  'modifyBatchOrders',
  'getOrder',
  'getOpenOrder',
  'getOpenOrders',
  'getAllOrders',
  'getForceOrders',
  'getOrderAmendment',
  'cancelOrder',
  'cancelBatchOrders',
  'cancelAllOpenOrders',
  'countdownCancelAll',
] as const;

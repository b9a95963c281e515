/**
 * The answer of an endpoint whose `symbol` is optional and changes the shape (premiumIndex,
 * ticker/24hr, ticker/price, bookTicker, symbolAdlRisk, assetIndex, insuranceBalance,
 * leverageBracket): one `Item` when `symbol` is sent, an array of every symbol's `Item` when it is
 * not, and the union when the caller's type cannot tell (`symbol?: string`).
 *
 * @example
 * type A = OneOrAll<{ symbol: string }, PremiumIndex>; // PremiumIndex
 * type B = OneOrAll<NoSymbol, PremiumIndex>; // PremiumIndex[]
 * type C = OneOrAll<{ symbol?: string }, PremiumIndex>; // PremiumIndex | PremiumIndex[]
 */
export type OneOrAll<Parameters, Item> = Parameters extends { readonly symbol: string }
  ? Item
  : Parameters extends { readonly symbol?: undefined }
    ? Item[]
    : Item | Item[];

/** The parameters of a call without `symbol` (the default of the one-or-all actions: every symbol). */
export type NoSymbol = { readonly symbol?: never };

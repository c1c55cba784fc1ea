/**
 * Branded units, so a node id cannot be passed where a time is expected, nor virtual seconds mixed with a count.
 * Brands cost nothing at run time; `seconds(2)` and `nodeId('n1')` are the only ways in.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Virtual time, in seconds since the simulation started. */
export type Seconds = Brand<number, 'Seconds'>;
export type NodeId = Brand<string, 'NodeId'>;

export const seconds = (value: number): Seconds => value as Seconds;
export const nodeId = (value: string): NodeId => value as NodeId;

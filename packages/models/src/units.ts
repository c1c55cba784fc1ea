/**
 * Branded unit types.
 *
 * A `Milliseconds` is a plain number at run time, but the type checker refuses to let one be passed where
 * `Seconds` is expected, which is the commonest way numbers go wrong in latency arithmetic. Brands cost
 * nothing at run time (erasable syntax only). Construct values with the small helpers below; they do not
 * validate (validation belongs to the models, which know the rule for each parameter).
 *
 * Queueing formulas are unit-agnostic (any time unit, with rates in its inverse), so the queueing modules take
 * plain numbers and say so in their doc comments.
 */

declare const unitBrand: unique symbol;
/** A number tagged with its unit. Assignable to `number`, but not from it. */
export type Unit<Name extends string> = number & { readonly [unitBrand]: Name };

export type Seconds = Unit<'s'>;
export type Milliseconds = Unit<'ms'>;
export type Kilometres = Unit<'km'>;
export type KilometresPerSecond = Unit<'km/s'>;
export type Bytes = Unit<'B'>;
export type BitsPerSecond = Unit<'bit/s'>;
export type PerSecond = Unit<'1/s'>;
export type Degrees = Unit<'deg'>;
/** A number in [0, 1]. */
export type Fraction = Unit<'fraction'>;
/** A number in [0, 100]. */
export type Percent = Unit<'%'>;
export type UsDollars = Unit<'USD'>;

export const seconds = (value: number): Seconds => value as Seconds;
export const milliseconds = (value: number): Milliseconds => value as Milliseconds;
export const kilometres = (value: number): Kilometres => value as Kilometres;
export const kilometresPerSecond = (value: number): KilometresPerSecond => value as KilometresPerSecond;
export const bytes = (value: number): Bytes => value as Bytes;
export const bitsPerSecond = (value: number): BitsPerSecond => value as BitsPerSecond;
export const perSecond = (value: number): PerSecond => value as PerSecond;
export const degrees = (value: number): Degrees => value as Degrees;
export const fraction = (value: number): Fraction => value as Fraction;
export const percent = (value: number): Percent => value as Percent;
export const usDollars = (value: number): UsDollars => value as UsDollars;

export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3_600;
export const SECONDS_PER_DAY = 86_400;
/** The Julian year, 365.25 days: the IAU's year, and the average length of a Gregorian year to within 0.0075 %. */
export const DAYS_PER_YEAR = 365.25;
export const SECONDS_PER_YEAR = DAYS_PER_YEAR * SECONDS_PER_DAY;

export const msToSeconds = (value: Milliseconds): Seconds => seconds(value / 1000);
export const secondsToMs = (value: Seconds): Milliseconds => milliseconds(value * 1000);

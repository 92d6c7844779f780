import { badInput } from '../../shared/errors.js';

/** An integer argument checked to lie in [min, max], else BAD_USER_INPUT naming the argument. */
export function inRange(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(`${argument} must be between ${min} and ${max}; got ${value}.`, argument);
  return value;
}

/** The models a history can be checked against, by the name the CLI's --model flag takes. */
import { CheckInputError } from '../errors.ts';
import type { AnyModel } from '../model.ts';
import { kvModel } from './kv.ts';
import { registerModel } from './register.ts';

export { kvModel } from './kv.ts';
export { ANY_VALUE, registerModel, readRegisterOperation, stepRegister, type RegisterInput, type RegisterOptions, type RegisterOutput } from './register.ts';

export const MODEL_NAMES = ['register', 'kv'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export function modelNamed(name: string): AnyModel {
  if (name === 'register') return registerModel();
  if (name === 'kv') return kvModel();
  throw new CheckInputError('model', `must be one of ${MODEL_NAMES.join(', ')}`, name);
}

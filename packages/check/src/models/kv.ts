/**
 * A key-value store of independent registers: the register's operations with a `"key"` field,
 *
 *   {"op": "write", "key": "x", "value": 1}   {"op": "read", "key": "x"}   {"op": "cas", "key": "x", "from": 1, "to": 2}
 *
 * Linearizability is local (the locality property of Herlihy & Wing 1990): a history of several objects is linearizable iff
 * each object's sub-history is. So the checker splits the history by key and checks each key on its own, which is
 * what makes P-compositional checking fast (Horn & Kroening 2015): ten keys of 100 operations cost about ten
 * searches of 100, not one search of 1,000. Keys are strings or numbers; "1" and 1 are different keys.
 */
import { canonicalJson } from '../canonical-json.ts';
import { CheckInputError } from '../errors.ts';
import type { Model } from '../model.ts';
import { ANY_VALUE, type RegisterInput, type RegisterOptions, type RegisterOutput, readRegisterOperation, stepRegister } from './register.ts';

export function kvModel(options: RegisterOptions = {}): Model<string, RegisterInput, RegisterOutput> {
  const initial = canonicalJson(options.initial ?? null);
  return {
    name: 'kv',
    init: () => initial,
    step: stepRegister,
    stateKey: (state) => state,
    anyState: ANY_VALUE,
    readOperation(input, output) {
      const key = input.key;
      if (key === undefined) throw new CheckInputError('input.key', 'is required by the kv model (a string or a number)');
      if (!(typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key)))) {
        throw new CheckInputError('input.key', 'must be a string or a finite number', key);
      }
      return { ...readRegisterOperation(input, output), key: JSON.stringify(key), keyValue: key };
    },
  };
}

import { describe, expect, it } from 'vitest';
import { ANY_VALUE, canonicalJson, checkLinearizability, kvModel, modelNamed, NOT_ALLOWED, parseHistory, registerModel } from '../src/index.ts';

const register = registerModel();
const readOp = (input: Record<string, unknown>, output?: unknown) => register.readOperation(input, output);

describe('canonicalJson', () => {
  it('is equal exactly for equal JSON values, whatever the key order', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: 2 })).toBe('{"a":2,"b":[1,{"c":"x","d":null}]}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson('1')).not.toBe(canonicalJson(1));
  });
});

describe('register model', () => {
  it('steps like a register: write sets, read must see the value, cas swaps exactly when it matches', () => {
    const s0 = register.init();
    expect(s0).toBe('null');
    const w = readOp({ op: 'write', value: 3 }, {});
    const s1 = register.step(s0, w.input, w.output);
    expect(s1).toBe('3');
    // Narrowed for the steps below; the assertion above has already failed the test if the write were refused.
    if (s1 === NOT_ALLOWED) return;
    const r3 = readOp({ op: 'read' }, { value: 3 });
    const r4 = readOp({ op: 'read' }, { value: 4 });
    expect(register.step(s1, r3.input, r3.output)).toBe('3');
    expect(register.step(s1, r4.input, r4.output)).toBe(NOT_ALLOWED);
    const casOk = readOp({ op: 'cas', from: 3, to: 5 }, { ok: true });
    const casFail = readOp({ op: 'cas', from: 3, to: 5 }, { ok: false });
    expect(register.step(s1, casOk.input, casOk.output)).toBe('5');
    expect(register.step(s1, casFail.input, casFail.output)).toBe(NOT_ALLOWED);
    expect(register.step('4', casFail.input, casFail.output)).toBe('4');
    expect(register.step('4', casOk.input, casOk.output)).toBe(NOT_ALLOWED);
  });

  it('allows an operation that never returned any output', () => {
    const pendingRead = readOp({ op: 'read' });
    const pendingCas = readOp({ op: 'cas', from: 1, to: 2 });
    expect(register.step('7', pendingRead.input, pendingRead.output)).toBe('7');
    expect(register.step('1', pendingCas.input, pendingCas.output)).toBe('2');
    expect(register.step('3', pendingCas.input, pendingCas.output)).toBe('3');
  });

  it('narrows "any value" (the start of a window) by what it observes, and never refuses from it', () => {
    const r = readOp({ op: 'read' }, { value: 'x' });
    const casOk = readOp({ op: 'cas', from: 1, to: 2 }, { ok: true });
    const casFail = readOp({ op: 'cas', from: 1, to: 2 }, { ok: false });
    expect(register.anyState).toBe(ANY_VALUE);
    expect(register.step(ANY_VALUE, r.input, r.output)).toBe('"x"');
    expect(register.step(ANY_VALUE, casOk.input, casOk.output)).toBe('2');
    expect(register.step(ANY_VALUE, casFail.input, casFail.output)).toBe(ANY_VALUE);
  });

  it('compares values as JSON: an object read back with its keys in another order is the same value', () => {
    const text = [
      '{"client":"a","call":0,"return":1,"input":{"op":"write","value":{"x":1,"y":[2]}},"output":{}}',
      '{"client":"b","call":2,"return":3,"input":{"op":"read"},"output":{"value":{"y":[2],"x":1}}}',
    ].join('\n');
    expect(checkLinearizability(parseHistory(text)).linearizable).toBe(true);
  });

  it('starts from a chosen initial value', () => {
    expect(registerModel({ initial: 0 }).init()).toBe('0');
  });

  it.each([
    [{ op: 'increment' }, {}, 'input.op must be one of write, read, cas, got "increment"'],
    [{}, {}, 'input.op must be one of write, read, cas'],
    [{ op: 'write' }, {}, 'input.value is required for a write'],
    [{ op: 'cas', to: 1 }, { ok: true }, 'input.from is required for a cas'],
    [{ op: 'cas', from: 1 }, { ok: true }, 'input.to is required for a cas'],
    [{ op: 'read' }, {}, 'output.value is required for a returned read'],
    [{ op: 'read' }, 5, 'output must be a JSON object for a returned read, got 5'],
    [{ op: 'cas', from: 1, to: 2 }, { ok: 'yes' }, 'output.ok must be true or false for a returned cas, got "yes"'],
    [{ op: 'read', key: 'x' }, { value: 1 }, 'input.key is not part of the register model'],
  ])('refuses input %j with output %j', (input, output, message) => {
    expect(() => readOp(input, output)).toThrow(message);
  });
});

describe('kv model', () => {
  const kv = kvModel();
  it('reads the key, keeping "1" and 1 apart', () => {
    expect(kv.readOperation({ op: 'read', key: 'a' }, { value: 1 })).toMatchObject({ key: '"a"', keyValue: 'a' });
    expect(kv.readOperation({ op: 'read', key: 1 }, { value: 1 }).key).not.toBe(kv.readOperation({ op: 'read', key: '1' }, { value: 1 }).key);
  });

  it('requires a string or number key', () => {
    expect(() => kv.readOperation({ op: 'read' }, { value: 1 })).toThrow('input.key is required by the kv model');
    expect(() => kv.readOperation({ op: 'read', key: ['a'] }, { value: 1 })).toThrow('input.key must be a string or a finite number, got ["a"]');
  });
});

describe('modelNamed', () => {
  it('knows register and kv, and names the rule otherwise', () => {
    expect(modelNamed('kv').name).toBe('kv');
    expect(() => modelNamed('queue')).toThrow('model must be one of register, kv, got "queue"');
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyImport } from './policy.js';

const verdict = (m: string, n: string): string => classifyImport(m, n).verdict;

test('platform and Python 2 aliases resolve to the real module', () => {
  assert.equal(verdict('posix', 'system'), 'denied');
  assert.equal(verdict('nt', 'system'), 'denied');
  assert.equal(verdict('__builtin__', 'eval'), 'denied');
  assert.equal(verdict('_io', 'FileIO'), 'denied');
  assert.equal(verdict('__builtin__', 'set'), 'allowed');
});

test('denied packages match whole subtrees, not just the exact module', () => {
  assert.equal(verdict('asyncio.unix_events', '_UnixSubprocessTransport'), 'denied');
  assert.equal(verdict('torch._inductor.codecache', 'compile_file'), 'denied');
  assert.equal(verdict('numpy.testing._private.utils', 'runstring'), 'denied');
  assert.equal(classifyImport('os', 'system').severity, 'critical');
  assert.equal(classifyImport('socket', 'create_connection').severity, 'high');
});

test('allowlisted modules do not allow every name in them', () => {
  assert.equal(verdict('torch', 'load'), 'denied');
  assert.equal(verdict('torch', 'FloatStorage'), 'allowed');
  assert.equal(verdict('torch._utils', '_rebuild_tensor_v2'), 'allowed');
  assert.equal(verdict('torch.storage', '_load_from_bytes'), 'denied');
  assert.equal(verdict('joblib', 'load'), 'denied');
  assert.equal(verdict('joblib.numpy_pickle', 'NumpyArrayWrapper'), 'allowed');
  assert.equal(verdict('sklearn.linear_model._logistic', 'LogisticRegression'), 'allowed');
  assert.equal(verdict('sklearn.utils', 'some_function'), 'unknown');
});

test('dotted names are denied even under allowlisted modules', () => {
  assert.equal(classifyImport('torch', 'os.system').severity, 'critical');
  assert.equal(classifyImport('genericpath', 'os.system').rule, 'dotted_name');
  assert.equal(verdict('collections', 'OrderedDict.fromkeys'), 'denied');
});

test('anything else is unknown and never safe', () => {
  const c = classifyImport('mycompany.models', 'Net');
  assert.equal(c.verdict, 'unknown');
  assert.equal(c.severity, 'medium');
  assert.equal(classifyImport('builtins', 'somethingnew').severity, 'high');
  assert.equal(classifyImport('somepkg', 'system').severity, 'high');
});

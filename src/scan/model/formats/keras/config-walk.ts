/**
 * Walks a Keras 3 config.json tree. Every serialised object ({module, class_name, config,
 * registered_name}) is resolved by Keras through importlib, so a module outside Keras is a
 * code-loading primitive (CVE-2025-1550 class); Lambda layers carry marshalled Python bytecode
 * (CVE-2024-3660 class); keras.config.enable_unsafe_deserialization switches safe_mode off from
 * inside the file (CVE-2025-9906 class).
 */
import type { FindingSpec } from '../safetensors/finding.js';
import { isJsonObject, type JsonValue } from '../safetensors/strict-json.js';

const ALLOWED_ROOTS = new Set(['keras', 'keras_hub', 'keras_nlp', 'keras_cv', 'tf_keras', 'keras_rs']);
/** Modules whose members execute commands, load code or reach the interpreter. */
const DANGEROUS_ROOTS = new Set([
  'os', 'posix', 'nt', 'subprocess', 'builtins', '__builtin__', 'sys', 'importlib', 'runpy', 'shutil', 'socket', 'pickle', '_pickle',
  'marshal', 'ctypes', 'code', 'codeop', 'pty', 'commands', 'webbrowser', 'types', 'functools', 'operator', 'pdb', 'dill', 'cloudpickle',
]);
const MAX_FINDINGS = 50;

const rootOf = (module: string): string => module.split('.')[0] ?? module;
const allowedModule = (module: string): boolean => ALLOWED_ROOTS.has(rootOf(module)) || module === 'tensorflow.keras' || module.startsWith('tensorflow.keras.');

export function walkKerasConfig(root: JsonValue, member: string): FindingSpec[] {
  const out: FindingSpec[] = [];
  const add = (s: Omit<FindingSpec, 'member'>): void => {
    if (out.length < MAX_FINDINGS) out.push({ ...s, member });
  };
  const stack: JsonValue[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
      continue;
    }
    if (typeof v === 'string') {
      if (v === 'enable_unsafe_deserialization') {
        add({ technique: 'keras.unsafe_deserialization', severity: 'critical', explanation: 'config calls keras.config.enable_unsafe_deserialization, turning safe_mode off from inside the file' });
      }
      continue;
    }
    if (!isJsonObject(v)) continue;
    for (const item of v.values()) stack.push(item);
    if (v.get('safe_mode') === false) {
      add({ technique: 'keras.unsafe_deserialization', severity: 'high', explanation: 'config asks for safe_mode: false' });
    }
    if (v.get('function_type') === 'lambda' && v.get('class_name') !== 'Lambda') {
      add({ technique: 'keras.lambda_bytecode', severity: 'critical', explanation: 'a Lambda function is stored as marshalled Python bytecode; it runs when the model is loaded without safe_mode' });
    }
    const className = v.get('class_name');
    if (typeof className !== 'string') continue;
    const module = v.get('module');
    if (typeof module === 'string' && !allowedModule(module)) {
      const dangerous = DANGEROUS_ROOTS.has(rootOf(module));
      add({ technique: 'keras.module_injection', severity: dangerous ? 'critical' : 'high', rule: dangerous ? rootOf(module) : 'non-keras',
        explanation: dangerous ? 'a serialised object names a module that runs commands or loads code; Keras imports it on load'
          : 'a serialised object names a module outside Keras; Keras imports it on load' });
    }
    const registered = v.get('registered_name');
    if (typeof registered === 'string' && registered.includes('>') && !ALLOWED_ROOTS.has(registered.split('>')[0] ?? '')) {
      add({ technique: 'keras.custom_object', severity: 'medium', explanation: 'a custom registered object needs user code to load' });
    }
    if (className === 'Lambda') {
      const config = v.get('config');
      const fn = isJsonObject(config) ? config.get('function') : undefined;
      if (Array.isArray(fn) && typeof fn[0] === 'string') {
        add({ technique: 'keras.lambda_bytecode', severity: 'critical', explanation: 'Lambda layer carries base64 marshalled Python bytecode' });
      } else {
        add({ technique: 'keras.lambda_layer', severity: 'high', explanation: 'Lambda layer references a Python function that runs on load' });
      }
    } else if (className === 'TFOpLambda' || className === 'SlicingOpLambda') {
      add({ technique: 'keras.tfop_lambda', severity: 'medium', explanation: 'TFOpLambda layer calls a TensorFlow op by name' });
    }
  }
  return out;
}

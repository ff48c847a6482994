/**
 * Which imports a pickle may make. Allowlisted = plain value types that real checkpoints carry;
 * denied = executes code, touches files/processes/network, or loads another pickle; everything
 * else is `unknown` and reported (never silently safe). Matching is on exact `module.name`, with
 * module SUBTREES for denied packages (asyncio.unix_events is still asyncio).
 */
import type { Severity } from '../../../core/types.js';

export type Verdict = 'allowed' | 'denied' | 'unknown';

export interface Classification {
  readonly verdict: Verdict;
  readonly severity: Severity | 'none';
  readonly rule: string;
}

/** Python 2 and platform spellings of the same modules (pickle writes posix.system for os.system). */
const MODULE_ALIASES: Readonly<Record<string, string>> = {
  __builtin__: 'builtins',
  posix: 'os',
  nt: 'os',
  _io: 'io',
  _operator: 'operator',
  _pickle: 'pickle',
  cPickle: 'pickle',
  _functools: 'functools',
  _socket: 'socket',
  _ssl: 'ssl',
  _posixsubprocess: 'subprocess',
  _winapi: 'subprocess',
  copy_reg: 'copyreg',
  _codecs: '_codecs',
};

const ALLOWED = new Set<string>([
  'collections.OrderedDict', 'collections.defaultdict', 'collections.deque', 'collections.Counter',
  'builtins.set', 'builtins.frozenset', 'builtins.bytearray', 'builtins.slice', 'builtins.complex',
  'builtins.range', 'builtins.bytes', 'builtins.object', 'builtins.list', 'builtins.dict', 'builtins.tuple',
  'builtins.int', 'builtins.float', 'builtins.str', 'builtins.bool',
  'copyreg._reconstructor', 'copyreg.__newobj__', 'copyreg.__newobj_ex__',
  '_codecs.encode',
  'datetime.datetime', 'datetime.date', 'datetime.time', 'datetime.timedelta', 'datetime.timezone',
  'decimal.Decimal', 'fractions.Fraction', 'uuid.UUID', 'pathlib.PosixPath', 'pathlib.PurePosixPath',
  'torch._utils._rebuild_tensor', 'torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_tensor_v3',
  'torch._utils._rebuild_parameter', 'torch._utils._rebuild_parameter_with_state',
  'torch._utils._rebuild_device_tensor_from_numpy', 'torch._utils._rebuild_qtensor',
  'torch._utils._rebuild_sparse_tensor', 'torch._utils._rebuild_nested_tensor',
  'torch._utils._rebuild_meta_tensor_no_storage', 'torch._utils._rebuild_wrapper_subclass',
  'torch._tensor._rebuild_from_type_v2', 'torch.nn.parameter.Parameter', 'torch.Size', 'torch.device',
  'torch.storage.UntypedStorage', 'torch.storage.TypedStorage', 'torch.storage._TypedStorage',
  'numpy.core.multiarray._reconstruct', 'numpy._core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar', 'numpy._core.multiarray.scalar', 'numpy.ndarray', 'numpy.dtype',
  'numpy.core.numeric._frombuffer', 'numpy._core.numeric._frombuffer', 'numpy.ma.core._mareconstruct',
  'joblib.numpy_pickle.NumpyArrayWrapper', 'joblib.numpy_pickle_compat.NDArrayWrapper',
  'sklearn.utils._bunch.Bunch',
]);

const TORCH_DTYPES = new Set([
  'float16', 'float32', 'float64', 'bfloat16', 'half', 'float', 'double', 'int8', 'int16', 'int32', 'int64',
  'uint8', 'bool', 'complex64', 'complex128', 'long', 'int', 'short', 'float8_e4m3fn', 'float8_e5m2',
]);

interface DenyRule { readonly prefix: string; readonly severity: Severity; readonly why: string }

/** Whole modules (and their submodules) that no model file has reason to import. */
const DENIED_MODULES: readonly DenyRule[] = [
  ...['os', 'subprocess', 'sys', 'runpy', 'importlib', 'ctypes', 'pty', 'code', 'codeop', 'pdb', 'marshal',
    'pickle', 'dill', 'cloudpickle', 'shelve', 'asyncio', 'multiprocessing', 'concurrent', 'pip', 'setuptools',
    'pkg_resources', 'pkgutil', 'pydoc', 'cProfile', 'profile', 'timeit', 'trace', 'commands', 'popen2',
    'platform', 'sysconfig', 'site', 'venv', 'ensurepip', 'zipimport', 'imp', 'distutils', 'bdb', 'doctest',
    'types', 'torch._inductor', 'torch.utils.cpp_extension', 'torch.hub', 'torch.jit', 'torch.package',
    'numpy.testing', 'numpy.f2py', 'numpy.distutils', 'IPython', 'jinja2', 'torch.serialization'].map(
    (prefix) => ({ prefix, severity: 'critical' as Severity, why: 'code execution or process control' })),
  ...['socket', 'ssl', 'http', 'urllib', 'urllib2', 'urllib3', 'requests', 'httplib', 'ftplib', 'smtplib',
    'imaplib', 'poplib', 'telnetlib', 'nntplib', 'xmlrpc', 'socketserver', 'webbrowser', 'aiohttp', 'httpx',
    'smtpd', 'asynchat', 'asyncore'].map(
    (prefix) => ({ prefix, severity: 'high' as Severity, why: 'network access' })),
  ...['shutil', 'tempfile', 'glob', 'io', 'logging', 'fileinput', 'pathlib', 'zipfile', 'tarfile', 'signal',
    'mmap', 'resource', 'gc', 'inspect', 'weakref', 'threading', '_thread', 'sqlite3', 'dbm'].map(
    (prefix) => ({ prefix, severity: 'high' as Severity, why: 'file system or interpreter access' })),
];

const DENIED_NAMES: Readonly<Record<string, Severity>> = {
  'builtins.eval': 'critical', 'builtins.exec': 'critical', 'builtins.compile': 'critical',
  'builtins.open': 'high', 'builtins.getattr': 'critical', 'builtins.setattr': 'critical',
  'builtins.delattr': 'high', 'builtins.__import__': 'critical', 'builtins.globals': 'critical',
  'builtins.locals': 'critical', 'builtins.vars': 'critical', 'builtins.breakpoint': 'critical',
  'builtins.input': 'high', 'builtins.help': 'high', 'builtins.memoryview': 'medium', 'builtins.type': 'high',
  'builtins.super': 'high', 'builtins.apply': 'critical', 'builtins.execfile': 'critical', 'builtins.file': 'high',
  'builtins.reload': 'critical', 'builtins.print': 'medium', 'builtins.exit': 'high', 'builtins.quit': 'high',
  'operator.attrgetter': 'critical', 'operator.methodcaller': 'critical', 'operator.itemgetter': 'high',
  'functools.partial': 'critical', 'functools.reduce': 'high', 'codecs.decode': 'high', 'codecs.encode': 'high',
  'codecs.open': 'high', 'uuid._get_command_stdout': 'critical', 'uuid._popen': 'critical',
  'joblib.load': 'critical', 'joblib.numpy_pickle.load': 'critical', 'torch.load': 'critical',
  'torch.storage._load_from_bytes': 'critical', 'numpy.load': 'critical', 'numpy.lib.npyio.load': 'critical',
  'numpy.fromfile': 'high', 'numpy.save': 'high', 'numpy.savetxt': 'high', 'numpy.loadtxt': 'high',
  'copyreg._reconstructor_ex': 'high', 'builtins.object.__reduce_ex__': 'critical',
};

const DANGEROUS_NAMES = new Set(['system', 'popen', 'exec', 'eval', 'spawn', 'execv', 'execve', 'run', 'call',
  'check_output', 'check_call', 'Popen', '__import__', 'getattr', 'load', 'loads', 'open', 'remove', 'rmtree']);

export function normaliseModule(module: string): string {
  const head = module.split('.', 1)[0] ?? module;
  const alias = MODULE_ALIASES[head];
  return alias === undefined ? module : alias + module.slice(head.length);
}

function inSubtree(module: string, prefix: string): boolean {
  return module === prefix || module.startsWith(`${prefix}.`);
}

export function classifyImport(rawModule: string, name: string): Classification {
  const module = normaliseModule(rawModule);
  const full = `${module}.${name}`;
  if (name.includes('.')) {
    // Protocol 4+ resolves dotted names attribute by attribute: 'torch' + 'os.system' reaches os.system.
    const tail = name.slice(0, name.lastIndexOf('.'));
    const inner = classifyImport(tail, name.slice(name.lastIndexOf('.') + 1));
    const severity = inner.verdict === 'denied' ? 'critical' : 'high';
    return { verdict: 'denied', severity, rule: 'dotted_name' };
  }
  const named = DENIED_NAMES[full];
  if (named !== undefined) return { verdict: 'denied', severity: named, rule: `deny.${full}` };
  if (ALLOWED.has(full)) return { verdict: 'allowed', severity: 'none', rule: `allow.${full}` };
  if (module === 'torch' && (/^[A-Z][A-Za-z0-9]{0,40}Storage$/.test(name) || TORCH_DTYPES.has(name))) {
    return { verdict: 'allowed', severity: 'none', rule: 'allow.torch.storage_or_dtype' };
  }
  // scikit-learn estimators are classes (CapitalisedName); its functions are not allowlisted.
  if (inSubtree(module, 'sklearn') && /^[A-Z][A-Za-z0-9_]{0,80}$/.test(name)) {
    return { verdict: 'allowed', severity: 'none', rule: 'allow.sklearn.class' };
  }
  for (const rule of DENIED_MODULES) {
    if (inSubtree(module, rule.prefix)) return { verdict: 'denied', severity: rule.severity, rule: `deny.${rule.prefix}` };
  }
  if (module === 'builtins') return { verdict: 'unknown', severity: 'high', rule: 'unknown.builtins' };
  if (DANGEROUS_NAMES.has(name)) return { verdict: 'unknown', severity: 'high', rule: 'unknown.dangerous_name' };
  return { verdict: 'unknown', severity: 'medium', rule: 'unknown' };
}

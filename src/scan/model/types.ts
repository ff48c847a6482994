/**
 * Model-file scanning: one small interface per container format. Scanners never execute, import
 * or unpickle anything; a file they cannot parse whole is reported unsafe (fail closed).
 */
import type { Finding, Severity } from '../../core/types.js';

/** A model finding is a `Finding` of family 'model'; offsets are BYTE offsets into `member` (or the file). */
export interface ModelFinding extends Finding {
  readonly family: 'model';
  /** Path of the scanned file, as given on the command line (relative where possible). */
  readonly path: string;
  /** Member inside a container ('archive/data.pkl', 'tensor:weight', 'chat_template'); absent for the file itself. */
  readonly member?: string;
  /** Technique tag for reports, e.g. 'pickle.global.denied', 'zip.path_traversal', 'safetensors.offset_overlap'. */
  readonly technique: string;
}

/** Random access to bytes that may be a file on disk or a decompressed member held in memory. */
export interface ByteSource {
  readonly name: string;
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Sequential chunks from `offset` (default 0); chunk size is the source's choice. */
  chunks(offset?: number): AsyncIterable<Uint8Array>;
}

export interface ScanLimits {
  /** Nested containers (zip in zip in tar ...) deeper than this are unsafe. */
  readonly maxDepth: number;
  /** Total decompressed bytes for one top-level file. */
  readonly maxExpandedBytes: number;
  /** Compressed:expanded ratio above which an archive member is a bomb. */
  readonly maxRatio: number;
  /** Bytes a scanner may hold in memory at once (members larger than this are streamed). */
  readonly maxMemberInMemory: number;
}

export interface ScanContext {
  readonly limits: ScanLimits;
  readonly depth: number;
  /** Folder the top-level file sits in (ONNX external data must stay inside it). */
  readonly baseDir: string;
  /** Path reported in findings. */
  readonly displayPath: string;
  /** Scan a nested member with whatever format scanner recognises it (depth + 1). */
  scanNested(source: ByteSource, member: string): Promise<ModelFinding[]>;
  /** Bytes expanded so far for the top-level file; scanners add to it and stop past the limit. */
  addExpanded(bytes: number): boolean;
  /** Lets a container scanner name what it found (zip → 'pytorch-zip', 'npz', 'keras'); optional. */
  reportFormat?(format: string): void;
}

export interface FormatScanner {
  /** 'pickle', 'pytorch-zip', 'pytorch-legacy', 'zip', 'tar', 'gzip', 'bzip2', 'xz', '7z', 'npy', 'npz', 'joblib', 'keras', 'onnx', 'gguf', 'safetensors', ... */
  readonly format: string;
  /** Recognise by CONTENT (magic bytes, structure), with the name only as a tie-breaker. */
  sniff(head: Uint8Array, name: string): boolean;
  scan(source: ByteSource, ctx: ScanContext): Promise<ModelFinding[]>;
}

export interface FileReport {
  readonly path: string;
  readonly format: string;
  readonly severity: Severity | 'none';
  readonly verdict: 'safe' | 'unsafe';
  readonly findings: ModelFinding[];
}

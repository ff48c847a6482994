/** Help text per technique tag, for SARIF rules and reports. Unknown tags get a generic entry. */
interface Help { readonly summary: string; readonly help: string }

const HELP: Readonly<Record<string, Help>> = {
  'pickle.global.denied': { summary: 'Pickle imports a denied callable', help: 'The pickle imports a module/function that executes code, spawns processes, touches files or the network, or loads another pickle. Loading it with pickle/torch.load(weights_only=False)/joblib runs it. Do not load the file; obtain the model as safetensors from a trusted source.' },
  'pickle.global.unknown': { summary: 'Pickle imports a callable that is not on the allowlist', help: 'The import is not one of the plain value types real checkpoints carry. Review it before loading; prefer weights_only=True or safetensors.' },
  'pickle.global.dynamic': { summary: 'Pickle import computed at load time', help: 'STACK_GLOBAL operands come from computed values, so no static scanner can tell what is imported. Treat as code execution.' },
  'pickle.global.dotted_name': { summary: 'Dotted attribute path in a pickle import', help: 'Protocol 4+ resolves dotted names attribute by attribute, reaching arbitrary objects from a harmless-looking module.' },
  'pickle.extension_registry': { summary: 'EXT opcode (copyreg extension registry)', help: 'The callable comes from a process-wide registry and cannot be resolved statically; fail closed.' },
  'pickle.frame_straddle': { summary: 'Opcode straddles a FRAME boundary', help: 'Loaders that honour frames read different opcodes than a plain parser (parser differential used to hide payloads).' },
  'pickle.frame_nested': { summary: 'FRAME inside another frame', help: 'Malformed framing: a parser-differential trick.' },
  'pickle.expansion_bomb': { summary: 'Memo expansion bomb', help: 'Shared references describe an astronomically large object graph; tools that copy it exhaust memory.' },
  'pickle.codecs_unusual': { summary: '_codecs.encode with an unusual codec', help: 'Pickle writes bytes as _codecs.encode(text, "latin1"); other codecs (rot13, base64...) compute values at load time.' },
  'pickle.nested': { summary: 'Pickle embedded in a string operand', help: 'A second-stage loader can unpickle the embedded stream; its own findings are listed under the same member.' },
  'pickle.multiple_streams': { summary: 'Several pickle streams in one file', help: 'Loaders that unpickle more than once execute every stream; all were scanned.' },
  'pickle.trailing_data': { summary: 'Bytes after the last pickle stream', help: 'Trailing bytes are not a pickle; informational.' },
  'model.parse_error': { summary: 'File cannot be parsed whole (fail closed)', help: 'A scanner could not read the file or member completely, so it cannot be shown safe. Real loaders may still execute the part they can read.' },
  'model.scanner_error': { summary: 'Scanner failed on this file (fail closed)', help: 'An internal scanner error; the file is reported unsafe. Please report it with the file.' },
  'model.unreadable': { summary: 'File cannot be opened', help: 'Permissions or I/O error; fail closed.' },
  'archive.unreadable': { summary: 'Archive cannot be unpacked (fail closed)', help: 'The archive uses a compression this scanner does not decode (e.g. 7z LZMA); unpack it and scan the files.' },
  'container.too_deep': { summary: 'Containers nested too deeply', help: 'Nesting beyond the configured depth is not scanned; fail closed.' },
  'container.expansion_limit': { summary: 'Total expansion limit reached', help: 'The file expands past the configured total; decompression stopped (possible bomb).' },
  'container.decompression_bomb': { summary: 'Decompression bomb', help: 'Compressed content expands by more than the configured ratio.' },
  'container.polyglot': { summary: 'File is valid as two formats', help: 'Different loaders choose different views (e.g. legacy torch unpickles the prefix, zip readers see the archive); both were scanned.' },
  'zip.path_traversal': { summary: 'Archive member path escapes the extraction folder', help: 'Names with ../, absolute paths, drive letters or backslashes write outside the target on extraction (zip-slip).' },
  'zip.symlink': { summary: 'Symbolic link in archive', help: 'Extraction creates a link that can point anywhere (e.g. /etc/passwd).' },
  'zip.duplicate_name': { summary: 'Duplicate member names', help: 'Readers disagree on which copy wins; every copy was scanned.' },
  'zip.name_mismatch': { summary: 'Local header name differs from central directory', help: 'Some readers (Python zipfile) reject the file, others (torch/miniz) load it: a scanner bypass (CVE-2025-1944).' },
  'zip.encrypted_flag': { summary: 'Encryption flag on a member', help: 'Some readers refuse it, torch ignores the flag: a scanner bypass (CVE-2025-1945).' },
  'zip.unusual_flags': { summary: 'Unusual general-purpose flag bits', help: 'Flag bits 0x20/0x40 make some readers refuse the member while torch loads it (CVE-2025-1945).' },
  'zip.flag_mismatch': { summary: 'Local and central flags differ', help: 'Readers disagree.' },
  'zip.bad_crc': { summary: 'CRC-32 mismatch', help: 'Python zipfile rejects the member, torch does not check CRCs: a scanner bypass (CVE-2025-10156).' },
  'zip.size_mismatch': { summary: 'Declared and actual member sizes differ', help: 'Readers disagree on where the member ends.' },
  'zip.decompression_bomb': { summary: 'Zip decompression bomb', help: 'A member expands by more than the configured ratio; decompression stopped.' },
  'zip.prefix_data': { summary: 'Bytes before the first zip member', help: 'Polyglot or self-extractor; the prefix was scanned too.' },
  'zip.hidden_local_entry': { summary: 'Local header not in the central directory', help: 'Streaming readers see a member that directory-based scanners miss.' },
  'zip.missing_local_header': { summary: 'Central entry without a local header', help: 'Structure is broken; fail closed.' },
  'zip.unsupported_method': { summary: 'Unsupported compression method', help: 'Member cannot be decompressed by this scanner; fail closed.' },
  'tar.path_traversal': { summary: 'Tar member path escapes the extraction folder', help: 'Names with ../ or absolute paths write outside the target.' },
  'tar.link': { summary: 'Link member in tar', help: 'Symbolic/hard links can point outside the extraction folder.' },
  'tar.duplicate_name': { summary: 'Duplicate tar member names', help: 'Later members overwrite earlier ones on extraction; every copy was scanned.' },
  'npy.object_array': { summary: 'NumPy object array', help: 'Loading requires allow_pickle=True; the embedded pickle was scanned.' },
  'npy.trailing_data': { summary: 'Bytes after NumPy array data', help: 'np.load ignores them; a second-stage loader may not.' },
  'fs.symlink_outside': { summary: 'Symbolic link leaves the scanned folder', help: 'Not followed; the target was not scanned. Scan the target explicitly.' },
};

export function techniqueHelp(technique: string): Help {
  return HELP[technique] ?? { summary: technique, help: `Finding of type ${technique}; see the finding explanation.` };
}

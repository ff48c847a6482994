// Minimal typing for the part of seek-bzip we use (the package ships none).
declare module 'seek-bzip' {
  interface ByteSink { writeByte(b: number): void }
  const Bunzip: { decode(input: Uint8Array, output: ByteSink, multistream?: boolean): unknown };
  export default Bunzip;
}

// heic-decode (libheif compiled to WebAssembly, libde265 inside) ships no types: the one call used here.
declare module 'heic-decode' {
  interface DecodedImage {
    readonly width: number;
    readonly height: number;
    /** RGBA, 4 bytes a pixel. */
    readonly data: Uint8ClampedArray;
  }
  function decode(input: { buffer: Buffer | ArrayBuffer | Uint8Array }): Promise<DecodedImage>;
  export default decode;
}

// heic-decode ships no types; the part we use.
declare module 'heic-decode' {
  interface DecodedImage {
    width: number;
    height: number;
    /** RGBA, 4 bytes per pixel. */
    data: Uint8ClampedArray;
  }
  function decode(input: { buffer: ArrayBufferView | ArrayBuffer }): Promise<DecodedImage>;
  export default decode;
}

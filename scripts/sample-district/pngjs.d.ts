// Minimal types for pngjs (a dependency of qrcode), as used by attachments.ts.
declare module 'pngjs' {
  export interface PNGData {
    width: number;
    height: number;
    data: Buffer;
  }
  export const PNG: {
    sync: {
      read(buffer: Buffer): PNGData;
      write(
        png: PNGData,
        options?: { colorType?: number; inputHasAlpha?: boolean; deflateLevel?: number },
      ): Buffer;
    };
  };
}

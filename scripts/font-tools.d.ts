// Neither package ships types, and @types/subset-font (2.3) lacks the keepFeatures and noHinting
// options subset-font 2.9 takes; these cover the calls scripts/subset-fonts.ts and app/fonts.test.ts make.

declare module "subset-font" {
  type Options = {
    targetFormat?: "sfnt" | "truetype" | "woff" | "woff2";
    keepFeatures?: string[];
    noHinting?: boolean;
  };
  export default function subsetFont(font: Buffer, text: string, options?: Options): Promise<Buffer>;
}

declare module "fontverter" {
  const fontverter: {
    convert(font: Buffer, to: "sfnt" | "truetype" | "woff" | "woff2"): Promise<Buffer>;
  };
  export default fontverter;
}

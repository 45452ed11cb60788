// opencc-js publishes its dictionaries (`opencc-js/dict/*`, "a|b" pairs as one string) without type declarations.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}

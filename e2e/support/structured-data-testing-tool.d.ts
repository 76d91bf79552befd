// The validator ships CommonJS without types; only what the structured-data spec uses.
declare module 'structured-data-testing-tool' {
  const validator: { structuredDataTest(input: string, options: { presets: unknown[] }): Promise<unknown> };
  export default validator;
}
declare module 'structured-data-testing-tool/presets.js' {
  const presets: { Google: unknown; Twitter: unknown; Facebook: unknown };
  export default presets;
}

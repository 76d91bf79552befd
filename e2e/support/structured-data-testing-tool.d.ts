// The validator ships CommonJS without types; only what the structured-data spec uses.
declare module 'structured-data-testing-tool' {
  export function structuredDataTest(input: string, options: { presets: unknown[] }): Promise<unknown>;
}
declare module 'structured-data-testing-tool/presets' {
  export const Google: unknown;
  export const Twitter: unknown;
  export const Facebook: unknown;
}

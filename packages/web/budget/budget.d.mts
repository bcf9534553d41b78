/** Types of budget.mjs (plain JavaScript so the benchmark script can use it without a build). */
export declare const BUDGETS: Readonly<{
  initialJsKbGzip: number;
  dashboardApiRequests: number;
  dashboardFirstRenderMs: number;
}>;
export declare const INDICATOR_CARD_SELECTOR: string;
export declare function initialJavaScript(distDir: string): {
  chunks: { file: string; bytes: number; gzipBytes: number }[];
  gzipKb: number;
  rawKb: number;
};
export declare const CHROMIUM_ARGS: readonly string[];
export declare function isLocalRequest(url: string, baseUrl: string): boolean;

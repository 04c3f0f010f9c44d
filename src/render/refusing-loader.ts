/** A Vega loader that reads nothing: every chart's data is inline, so any file or URL is refused. */
export function refusingLoader() {
  const refuse = (uri: unknown) => Promise.reject(new Error(`gradplot does not let charts read files or URLs (asked for ${String(uri)})`));
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

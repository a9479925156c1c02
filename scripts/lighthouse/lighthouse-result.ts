// The part of a Lighthouse result (LHR) the audit reads. A real LHR fits it; tests build small ones.

export interface AuditResultLike {
  id: string;
  title: string;
  /** Markdown, usually ending in "[Learn more …](https://developer.chrome.com/docs/lighthouse/…)". */
  description?: string;
  /** 0–1, or null when the audit does not apply or only informs. */
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  numericUnit?: string;
  displayValue?: string;
  /** Set when scoreDisplayMode is "error": why Lighthouse could not run the audit. */
  errorMessage?: string;
  details?: { type?: string; items?: readonly unknown[] };
}

export interface CategoryLike {
  id: string;
  title: string;
  score: number | null;
  auditRefs: readonly { id: string; weight: number }[];
}

export interface LighthouseResultLike {
  lighthouseVersion?: string;
  categories: Record<string, CategoryLike>;
  audits: Record<string, AuditResultLike>;
  runtimeError?: { code: string; message: string };
  /** Lighthouse's CPU benchmark of the machine at the start of the run: lower under load. */
  environment?: { benchmarkIndex?: number };
}

/** The documentation link at the end of an audit's description, if any. */
export function docsLink(description: string | undefined): string | undefined {
  return description ? /\]\((https?:\/\/[^)\s]+)\)/.exec(description)?.[1] : undefined;
}

interface ImportMetaEnv {
  /** True only under `astro dev`: drafts and scheduled posts are built for preview. */
  readonly PREVIEW_UNPUBLISHED: boolean;
  /** True in `astro build`: pages carry the `<meta>` Content-Security-Policy (dev injects inline styles it would block). */
  readonly SECURITY_POLICY_META: boolean;
  /** True when giscus is configured; when false the bundler leaves the giscus code out. */
  readonly COMMENTS_ENABLED: boolean;
}

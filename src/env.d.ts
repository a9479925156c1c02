interface ImportMetaEnv {
  /** True only under `astro dev`: drafts and scheduled posts are built for preview. */
  readonly PREVIEW_UNPUBLISHED: boolean;
}

/**
 * The kind of page, written to `<body data-template>` so that tools reading the built site
 * (the Lighthouse audit picks one page per template) need not guess from URLs.
 */
export type PageTemplate = 'home' | 'list' | 'post' | 'tag-index' | 'tag' | 'archive' | 'about' | 'search' | 'not-found';

import { describeMarkdownFixtures } from '../../tests/helpers/markdown-fixtures.ts';
import rehypeCodeBlocks from './rehype-code-blocks.ts';
import rehypeScrollRegions from './rehype-scroll-regions.ts';

// With the scroll regions, as in the pipeline: the bar goes around the labelled region.
describeMarkdownFixtures('rehype-code-blocks', () => ({ rehypePlugins: [rehypeScrollRegions, rehypeCodeBlocks] }));

import { join } from 'node:path';
import { describeMarkdownFixtures } from '../../tests/helpers/markdown-fixtures.ts';
import { markdownPipeline } from './pipeline.ts';

// The site's whole Markdown pipeline, in its order, as a built post page contains it.
describeMarkdownFixtures('pipeline', (options, fixture) =>
  markdownPipeline(
    {
      url: 'https://urban-haze.example/',
      trailingSlash: 'always',
      buildFormat: 'directory',
      embeds: { frameHosts: (options['frameHosts'] as string[] | undefined) ?? [] },
    },
    { contentDir: join(fixture.directory, 'content'), publicDir: join(fixture.directory, String(options['publicDir'])) },
  ),
);

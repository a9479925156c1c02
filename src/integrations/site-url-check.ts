import type { AstroIntegration } from 'astro';
import { ConfigError, settingLocation } from '../config/config-error.ts';
import { siteUrlReport, urlSetBy } from '../config/site-url.ts';

export interface SiteUrlCheckOptions {
  /** The parsed site settings. */
  site: { url: string };
  /** A preview build (SITE_PREVIEW=1) may use any URL. */
  preview: boolean;
  /** The build's environment, which may set the URL (SITE_URL, SITE_CONFIG_OVERRIDES). */
  env: Readonly<Record<string, string | undefined>>;
  /** The settings file, relative to the project: where an error points. */
  configFile?: string;
}

/**
 * Stops a production build whose URL is local or http:, and warns once when settings are still on
 * the template's placeholder domain (see src/config/site-url.ts). `astro dev` is left alone.
 */
export function siteUrlCheck({ site, preview, env, configFile = 'src/site.config.ts' }: SiteUrlCheckOptions): AstroIntegration {
  return {
    name: 'urban-haze:site-url',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const setBy = urlSetBy(env);
        const report = siteUrlReport(site, { preview, setBy });
        // An environment variable has no line to point at; the settings file has.
        if (report.error) throw new ConfigError(report.error, { loc: setBy ? undefined : settingLocation(configFile, ['url']) });
        if (report.warning) logger.warn(report.warning);
      },
    },
  };
}

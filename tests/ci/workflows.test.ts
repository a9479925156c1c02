// The CI workflow, checked without GitHub: every workflow file passes GitHub's own parser, and the jobs of
// site.yml are wired as README's "CI on GitHub Actions" says: one shard count feeds the matrix and the
// merge, artifacts are downloaded under the names they were uploaded with, every shard and the merge read
// one audit cache, the deploy waits for the merged verdict and runs only on main, and every action is
// pinned to a commit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../helpers/fixture-site.ts';
import { workflowErrors } from './workflow-parser.ts';

const WORKFLOWS = join(PROJECT_ROOT, '.github/workflows');
const workflowFiles = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown>; 'fail-fast'?: boolean };
  environment?: { name: string; url: string };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env: Record<string, string | number>;
  jobs: Record<string, Job>;
}

const siteText = readFileSync(join(WORKFLOWS, 'site.yml'), 'utf8');
const site = parse(siteText) as Workflow;
const job = (id: string) => site.jobs[id]!;
const needsOf = (id: string) => [job(id).needs ?? []].flat();
const stepsUsing = (action: string) =>
  Object.entries(site.jobs).flatMap(([id, { steps }]) => steps.filter((step) => step.uses?.split('@')[0] === action).map((step) => ({ job: id, step })));
/** Runs a step's shell script as the runner does (bash -e), with only the given environment. */
function runStep(script: string, env: Record<string, string>): string {
  return execFileSync('bash', ['-e', '-c', script], { env: { PATH: process.env['PATH'], ...env }, encoding: 'utf8' });
}
const shardCount = () => Number(site.env['AUDIT_SHARDS']);

describe('every workflow file', () => {
  it.each(workflowFiles)('%s passes GitHub’s workflow parser with no error', async (name) => {
    expect(await workflowErrors(name, readFileSync(join(WORKFLOWS, name), 'utf8'))).toEqual([]);
  });

  it('is checked by a parser that does find mistakes (an unknown key, a broken expression)', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.shard( }}\n        timeout: 5\n';
    const errors = await workflowErrors('broken.yml', broken);
    expect(errors.some((message) => message.includes("Unexpected value 'timeout'"))).toBe(true);
    expect(errors.some((message) => message.includes("Unexpected symbol: '('"))).toBe(true);
  });

  it.each(workflowFiles)('%s pins every action to a full commit with its version in a comment', (name) => {
    const uses = readFileSync(join(WORKFLOWS, name), 'utf8')
      .split('\n')
      .filter((line) => /^\s*(- )?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    const versions = new Map<string, string>();
    for (const line of uses) {
      const match = /uses: ([\w.-]+\/[\w./-]+)@([0-9a-f]{40}) # (v\d+(?:\.\d+){0,2})$/.exec(line.trim().replace(/^- /, ''));
      expect(match, line).not.toBeNull();
      // One commit always carries the same version.
      const [, action, sha, version] = match!;
      expect(versions.get(`${action}@${sha}`) ?? version, line).toBe(version);
      versions.set(`${action}@${sha}`, version!);
    }
  });
});

describe('site.yml: the shards', () => {
  it('takes the shard count from one place, 4 by default', () => {
    expect(site.env['AUDIT_SHARDS']).toBe(4);
    // No other number of shards is written anywhere in the file.
    expect(siteText.match(/AUDIT_SHARDS: \d+/g)).toHaveLength(1);
    expect(siteText).not.toMatch(/--shard[ "]+\d/);
  });

  it('builds the audit matrix from it: shards 1 … N', () => {
    expect(job('audit').strategy!.matrix['shard']).toBe('${{ fromJSON(needs.build.outputs.shards) }}');
    expect(job('build').outputs!['shards']).toBe('${{ steps.shards.outputs.list }}');
    const step = job('build').steps.find((candidate) => candidate.id === 'shards')!;
    const output = join(mkdtempSync(join(tmpdir(), 'github-output-')), 'output');
    for (const count of [shardCount(), 1, 7]) {
      writeFileSync(output, '');
      runStep(step.run!, { AUDIT_SHARDS: String(count), GITHUB_OUTPUT: output });
      expect(readFileSync(output, 'utf8')).toBe(`list=${JSON.stringify(Array.from({ length: count }, (_, index) => index + 1))}\n`);
    }
    rmSync(dirname(output), { recursive: true });
    expect(() => runStep(step.run!, { AUDIT_SHARDS: 'four', GITHUB_OUTPUT: '/dev/null' })).toThrow();
  });

  it('runs every shard to the end, each auditing its share i/N of the downloaded build', () => {
    expect(needsOf('audit')).toEqual(['build']);
    expect(job('audit').strategy!['fail-fast']).toBe(false);
    const audit = job('audit').steps.find((step) => step.run?.startsWith('npm run audit'))!;
    expect(audit.run).toBe('npm run audit -- --shard "${{ matrix.shard }}/$AUDIT_SHARDS" --reports-dir audit-shard');
    const download = job('audit').steps.findIndex((step) => step.uses?.startsWith('actions/download-artifact@') && step.with?.['path'] === 'dist/');
    expect(download).toBeGreaterThan(-1);
    expect(download).toBeLessThan(job('audit').steps.indexOf(audit));
  });

  it('merges exactly the N shard folders it downloaded, even after a shard failed', () => {
    expect(needsOf('merge')).toEqual(expect.arrayContaining(['build', 'audit']));
    expect(job('merge').if).toContain('!cancelled()');
    const merge = job('merge').steps.find((step) => step.run?.includes('--merge'))!;
    expect(merge.run).toBe(`npm run audit -- --merge $(seq -f 'shards/audit-shard-%g' 1 "$AUDIT_SHARDS")`);
    const dirs = runStep(`echo ${merge.run!.replace('npm run audit -- --merge ', '')}`, { AUDIT_SHARDS: String(shardCount()) }).trim().split(' ');
    // download-artifact puts each artifact of a pattern into a folder named after it, under `path`.
    const download = job('merge').steps.find((step) => step.with?.['pattern'])!;
    const upload = job('audit').steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
    const uploaded = Array.from({ length: shardCount() }, (_, index) => String(upload.with!['name']).replace('${{ matrix.shard }}', String(index + 1)));
    const pattern = new RegExp(`^${String(download.with!['pattern']).replace('*', '.*')}$`);
    expect(uploaded.every((name) => pattern.test(name))).toBe(true);
    expect(dirs).toEqual(uploaded.map((name) => `${String(download.with!['path']).replace(/\/$/, '')}/${name}`));
    expect(upload.with!['path']).toBe('audit-shard/');
    expect(upload.if).toContain('!cancelled()');
  });
});

describe('site.yml: artifacts and the audit cache', () => {
  it('downloads every artifact under a name a job it needs uploaded', () => {
    const uploadsOf = (id: string): string[] => job(id).steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@')).map((step) => String(step.with!['name']));
    const ancestors = (id: string): string[] => needsOf(id).flatMap((need) => [need, ...ancestors(need)]);
    for (const { job: id, step } of stepsUsing('actions/download-artifact')) {
      const available = ancestors(id).flatMap(uploadsOf);
      if (step.with!['name']) expect(available, `${id}: ${step.name}`).toContain(step.with!['name']);
      else {
        const pattern = new RegExp(`^${String(step.with!['pattern']).replace('*', '.*')}$`);
        expect(available.some((name) => pattern.test(name)), `${id}: ${step.name}`).toBe(true);
      }
    }
    expect(uploadsOf('build')).toEqual(['site-dist', 'seo-report']);
    expect(uploadsOf('merge')).toEqual(['audit-report']);
  });

  it('gives every shard and the merge the one cache the build looked up, and saves the merged cache under a key that lookup finds next time', () => {
    const paths = String(site.env['AUDIT_CACHE_PATHS']).trim().split('\n');
    // The audit's cache folder (its --cache-dir default) and the merge's score history (its --reports-dir default).
    expect(paths).toEqual(['.cache/lighthouse', 'reports/lighthouse/history.jsonl']);
    const cacheSteps = [...stepsUsing('actions/cache/restore'), ...stepsUsing('actions/cache/save'), ...stepsUsing('actions/cache')];
    expect(cacheSteps.map(({ job: id }) => id).sort()).toEqual(['audit', 'build', 'merge', 'merge']);
    for (const { step } of cacheSteps) expect(step.with!['path'], step.name).toBe('${{ env.AUDIT_CACHE_PATHS }}');
    const lookup = stepsUsing('actions/cache/restore').find(({ job: id }) => id === 'build')!.step;
    expect(lookup.with!['lookup-only']).toBe(true);
    expect(job('build').outputs!['audit-cache-key']).toBe(`\${{ steps.${lookup.id}.outputs.cache-matched-key }}`);
    for (const id of ['audit', 'merge']) {
      const restore = stepsUsing('actions/cache/restore').find((item) => item.job === id)!.step;
      expect(restore.with!['key']).toBe('${{ needs.build.outputs.audit-cache-key }}');
      expect(restore.if).toBe("needs.build.outputs.audit-cache-key != ''");
    }
    const save = stepsUsing('actions/cache/save')[0]!;
    expect(save.job).toBe('merge');
    expect(String(save.step.with!['key']).startsWith(String(lookup.with!['restore-keys']))).toBe(true);
    expect(save.step.with!['key']).toBe(lookup.with!['key']);
  });
});

describe('site.yml: the deploy', () => {
  it('deploys only pushes to main, and only when the merged verdict passed', () => {
    expect(Object.keys(site.on).sort()).toEqual(['pull_request', 'push']);
    expect(site.on['push']).toEqual({ branches: ['main'] });
    expect(needsOf('deploy')).toContain('merge');
    expect(job('deploy').if).toBe("${{ github.event_name == 'push' && github.ref == 'refs/heads/main' && needs.merge.result == 'success' }}");
  });

  it('publishes the built site to GitHub Pages, with the environment’s URL from the deploy step', () => {
    const steps = job('deploy').steps;
    const uses = (name: string) => steps.find((step) => step.uses?.split('@')[0] === name)!;
    expect(steps.flatMap((step) => step.uses?.split('@')[0] ?? [])).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/download-artifact',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
    expect(uses('actions/download-artifact').with).toMatchObject({ name: 'site-dist' });
    expect(uses('actions/upload-pages-artifact').with).toMatchObject({ path: 'dist/' });
    expect(job('deploy').environment).toEqual({ name: 'github-pages', url: `\${{ steps.${uses('actions/deploy-pages').id}.outputs.page_url }}` });
  });

  it('plans IndexNow from the live sitemap before the deploy and submits the plan only after it', () => {
    const steps = job('deploy').steps;
    const at = (pattern: RegExp) => steps.findIndex((step) => pattern.test(step.run ?? ''));
    const deploy = steps.findIndex((step) => step.uses?.startsWith('actions/deploy-pages@'));
    const plan = at(/npm run indexnow -- .*--save-plan indexnow-plan\.json/);
    const submit = at(/npm run indexnow -- --plan indexnow-plan\.json --submit/);
    expect(plan).toBeGreaterThan(-1);
    expect(plan).toBeLessThan(deploy);
    expect(submit).toBeGreaterThan(deploy);
    expect(steps[submit]!.if).toContain(`steps.${steps[plan]!.id}.outcome == 'success'`);
  });

  it('never runs two deploys at once', () => {
    expect(job('deploy').concurrency).toEqual({ group: expect.any(String), 'cancel-in-progress': false });
    expect(job('deploy').concurrency!.group).not.toContain('${{');
  });
});

describe('site.yml: permissions', () => {
  it('grants nothing by default, and each job only what it uses', () => {
    expect(site.permissions).toEqual({});
    expect(Object.fromEntries(Object.entries(site.jobs).map(([id, { permissions }]) => [id, permissions]))).toEqual({
      build: { contents: 'read' },
      audit: { contents: 'read' },
      merge: { contents: 'read' },
      deploy: { contents: 'read', pages: 'write', 'id-token': 'write' },
    });
  });

  it('keeps the checkout token out of the working tree', () => {
    for (const { step } of stepsUsing('actions/checkout')) expect(step.with).toMatchObject({ 'persist-credentials': false });
  });
});

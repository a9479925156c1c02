// tests/RELIABILITY.md says which test proves each failure mode. This keeps it true: every file it names
// exists, and every test name it gives is a string in that file, so renaming or deleting a test that
// proves something fails here instead of leaving the map pointing at nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const MAP_FILE = 'tests/RELIABILITY.md';

interface Proof {
  file: string;
  names: string[];
}

interface MapRow {
  section: string;
  /** The row's first cell: the failure mode's number, or the case. */
  key: string;
  proofs: Proof[];
}

/**
 * The rows of every table in the map, with the "## " heading above them. In a row's last cell each
 * `*.test.ts` code span starts a file and the code spans after it are names of its tests.
 */
function readMap(markdown: string): MapRow[] {
  const lines = markdown.split('\n');
  const isSeparator = (line: string | undefined) => line !== undefined && /^\|(\s*:?-+:?\s*\|)+$/.test(line.trim());
  const rows: MapRow[] = [];
  let section = '';
  lines.forEach((line, index) => {
    if (line.startsWith('## ')) section = line.slice(3).trim();
    const text = line.trim();
    // Skip prose, separators and header rows (the row right above a separator).
    if (!text.startsWith('|') || isSeparator(text) || isSeparator(lines[index + 1])) return;
    const cells = text.slice(1, -1).split(' | ').map((cell) => cell.trim());
    const proofs: Proof[] = [];
    for (const [, span = ''] of cells.at(-1)!.matchAll(/`([^`]+)`/g)) {
      if (span.endsWith('.test.ts')) proofs.push({ file: span, names: [] });
      else if (proofs.length > 0) proofs.at(-1)!.names.push(span);
      else proofs.push({ file: '(no file before this name)', names: [span] });
    }
    rows.push({ section, key: cells[0]!, proofs });
  });
  return rows;
}

const rows = readMap(readFileSync(join(ROOT, MAP_FILE), 'utf8'));
const section = (title: string) => rows.filter((row) => row.section === title);
/** A row that names no test, or a file without a test name after it. */
const unproved = (row: MapRow) => row.proofs.length === 0 || row.proofs.some((proof) => proof.names.length === 0);

describe(`the reliability map (${MAP_FILE})`, () => {
  it('maps each of the 25 failure modes, in order, to at least one named test', () => {
    const modes = section('The 25 failure modes');
    expect(modes.map((row) => row.key)).toEqual(Array.from({ length: 25 }, (_, index) => String(index + 1)));
    expect(modes.filter(unproved).map((row) => row.key)).toEqual([]);
  });

  it('maps every case of issue 12 to at least one named test', () => {
    const cases = section('The cases of issue 12');
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.filter(unproved).map((row) => row.key)).toEqual([]);
  });

  const proofs = rows.flatMap((row) => row.proofs.map((proof) => ({ ...proof, where: `${row.section}: ${row.key.slice(0, 60)}` })));

  it.each(proofs)('names a test file that exists and tests in it: $file ($where)', ({ file, names }) => {
    const path = join(ROOT, file);
    expect(existsSync(path), `${file} does not exist`).toBe(true);
    const source = readFileSync(path, 'utf8');
    // A whole string literal, as a test's name or an it.each row's name is written, not just a fragment.
    const missing = names.filter((name) => !["'", '"', '`'].some((quote) => source.includes(`${quote}${name}${quote}`)));
    expect(missing, `not found as a string in ${file}`).toEqual([]);
  });
});

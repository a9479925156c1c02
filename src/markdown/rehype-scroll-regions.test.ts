import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { describeMarkdownFixtures } from '../../tests/helpers/markdown-fixtures.ts';
import rehypeScrollRegions, { codeLanguage, tableTopic, wrapsLines, type ScrollRegionOptions } from './rehype-scroll-regions.ts';

describeMarkdownFixtures('rehype-scroll-regions', (options) => ({
  rehypePlugins: [[rehypeScrollRegions, options as ScrollRegionOptions]],
}));

const element = (tagName: string, properties: Element['properties'], children: Element['children'] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string) => ({ type: 'text' as const, value });
const cells = (tagName: string, ...values: string[]) => element('tr', {}, values.map((value) => element(tagName, {}, [text(value)])));

describe('codeLanguage', () => {
  it.each([
    { name: 'Prism’s data-language', pre: element('pre', { dataLanguage: 'powershell', className: ['language-powershell'] }), language: 'powershell' },
    { name: 'a language class on the code element', pre: element('pre', {}, [element('code', { className: ['language-bash'] })]), language: 'bash' },
    { name: 'plain text, which names no language', pre: element('pre', { dataLanguage: 'text' }), language: undefined },
    { name: 'no language at all', pre: element('pre', {}, [element('code', {})]), language: undefined },
  ])('reads $name', ({ pre, language }) => {
    expect(codeLanguage(pre)).toBe(language);
  });
});

describe('tableTopic', () => {
  it.each([
    { name: 'its caption', table: element('table', {}, [element('caption', {}, [text('  Router\n lights ')]), cells('th', 'Light')]), topic: 'Router lights' },
    { name: 'the headings of its first row', table: element('table', {}, [element('thead', {}, [cells('th', 'Metric', 'Good')]), element('tbody', {}, [cells('td', 'LCP', '2.5 s')])]), topic: 'Metric, Good' },
    { name: 'nothing, when it has no caption or headings', table: element('table', {}, [cells('td', 'a', 'b')]), topic: undefined },
    { name: 'the headings, when the caption is empty', table: element('table', {}, [element('caption', {}, [text(' ')]), cells('th', 'Light')]), topic: 'Light' },
  ])('is $name', ({ table, topic }) => {
    expect(tableTopic(table)).toBe(topic);
  });
});

describe('wrapsLines', () => {
  const pre = (language: string | undefined, code: string) => element('pre', language ? { dataLanguage: language } : {}, [element('code', {}, [text(code)])]);
  it.each([
    { name: 'a one-line path in plain text', node: pre('text', 'C:\\Users\\<you>\\AppData\\Local\\Akamai\\netsession_win.exe\n'), wraps: true },
    { name: 'one line with no language at all', node: pre(undefined, 'no fence info'), wraps: true },
    { name: 'two lines of plain text', node: pre('text', 'C:\\one\nC:\\two\n'), wraps: false },
    { name: 'one line of PowerShell', node: pre('powershell', 'Get-Process\n'), wraps: false },
  ])('$name: $wraps', ({ node, wraps }) => {
    expect(wrapsLines(node)).toBe(wraps);
  });
});

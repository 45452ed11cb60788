import { describe, expect, it } from 'vitest';
import { domainFromFileName, domainFromTitle, normaliseDomain } from '../../../src/cli/import/domain.ts';

describe('domainFromTitle', () => {
  it.each([
    ['某某区社会救助领域基层政务公开事项标准目录', '社会救助'],
    ['养老服务领域政务公开事项目录', '养老服务'],
    ['2026年某某区社会保险领域基层政务公开事项标准目录', '社会保险'],
    ['厦门市海沧区城市综合执法领域基层政务公开事项标准目录', '城市综合执法'],
    ['市政服务领域政务公开事项目录', '市政服务'],
    ['某某区某某镇社区治理领域政务公开事项目录', '社区治理'],
    ['某某区 社会救助 领域 基层政务公开事项标准目录', '社会救助'],
    ['某某区殡葬管理政务公开事项标准目录', '殡葬管理'],
    // A bureau's own list names the bureau before the domain; 乡 of 城乡 or 乡村 and 市 of 城市 are no area.
    ['楚澜市自然资源和规划局澜津分局城乡规划领域基层政务公开事项标准目录', '城乡规划'],
    ['澜津区住房和城市更新局住房保障领域基层政务公开事项标准目录', '住房保障'],
    [
      '某某县巩固拓展脱贫攻坚成果同乡村振兴有效衔接领域基层政务公开事项标准目录',
      '巩固拓展脱贫攻坚成果同乡村振兴有效衔接',
    ],
    ['某某县城乡规划领域基层政务公开事项标准目录', '城乡规划'],
    ['某某市城市管理局城市综合执法领域政务公开事项目录', '城市综合执法'],
    ['某某区民政局社会救助领域基层政务公开事项标准目录', '社会救助'],
    ['某某区市场监管领域政务公开事项目录', '市场监管'],
  ])('%s → %s', (title, domain) => {
    expect(domainFromTitle(title)).toBe(domain);
  });

  it.each(['某某区基层政务公开事项标准目录', '某某区政务公开事项目录', '附件2', '序号'])(
    'finds no domain in %s',
    (title) => {
      expect(domainFromTitle(title)).toBeNull();
    },
  );
});

describe('domainFromFileName', () => {
  it.each([
    ['/x/catalogue/社会救助.xlsx', '社会救助'],
    ['/x/catalogue/12-社会救助.csv', '社会救助'],
    ['/x/catalogue/12_社会救助.csv', '社会救助'],
    ['/x/catalogue/社会救助目录.csv', '社会救助'],
    ['/x/catalogue/社会救助领域.xlsx', '社会救助'],
    ['/x/catalogue/某某区社会救助领域基层政务公开事项标准目录.xlsx', '社会救助'],
  ])('%s → %s', (path, domain) => {
    expect(domainFromFileName(path)).toBe(domain);
  });

  it('gives up on a name that is only 目录', () => {
    expect(domainFromFileName('/x/目录.csv')).toBeNull();
  });
});

it('normaliseDomain drops a trailing 领域', () => {
  expect(normaliseDomain(' 就业创业领域 ')).toBe('就业创业');
});

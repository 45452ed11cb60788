// What an 依申请公开 catalogue item fills in of the application form.
import type { CatalogueItem, Department } from '../../core/bundle/schema.ts';
import { departmentNames } from '../db/bundle-db.ts';
import type { DraftPrefill } from './draft.ts';

const nameOf = (item: CatalogueItem): string =>
  [item.level1, item.level2, item.level3].filter(Boolean).join(' ');

/**
 * The information's name (一级 二级 三级事项) and the agency: the department whose name or alias is the item's
 * 公开主体. A 公开主体 naming several bodies (各街道办事处、各镇人民政府) or none of the departments leaves the agency
 * to the visitor rather than guessing.
 */
export function prefillFromItem(item: CatalogueItem, departments: readonly Department[]): DraftPrefill {
  const publisher = item.publisher.trim();
  const dept = departments.find((d) => departmentNames(d).includes(publisher));
  return dept ? { title: nameOf(item), agencyId: dept.id, agencyName: dept.name } : { title: nameOf(item) };
}

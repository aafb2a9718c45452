/**
 * Builds the query string of a Feed request in the API's own filter language:
 * `Field=value`, `Field~op~value`, `sortby=-Field,Field`, `search=...`, `page`, `pagesize`.
 */

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'in';
type FilterValue = string | number | boolean;

export interface Filter {
  field: string;
  op: FilterOperator;
  value: FilterValue | readonly FilterValue[];
}

export interface SortField {
  field: string;
  desc?: boolean;
}

export interface ListParams {
  page?: number;
  pageSize?: number;
  sort?: readonly SortField[];
  search?: string;
  filters?: readonly Filter[];
  /** Endpoint-specific parameters (`date-from`, ...), sent as they are. */
  extra?: Record<string, string | number | undefined>;
}

const encode = (value: string) => encodeURIComponent(value);
const text = (value: FilterValue) => String(value);

export function buildListQuery(params: ListParams): string {
  const parts: string[] = [];
  for (const filter of params.filters ?? []) {
    const values = Array.isArray(filter.value) ? (filter.value as readonly FilterValue[]) : [filter.value as FilterValue];
    if (values.length === 0) continue;
    if (filter.op === 'eq' && values.length === 1) {
      parts.push(`${encode(filter.field)}=${encode(text(values[0]!))}`);
    } else {
      const op = filter.op === 'eq' ? 'in' : filter.op;
      // The value is part of the parameter's name, as in the documented `StartDate~gte~2014-01-01`.
      parts.push(encode(`${filter.field}~${op}~${values.map(text).join(',')}`));
    }
  }
  for (const [name, value] of Object.entries(params.extra ?? {})) {
    if (value !== undefined && value !== '') parts.push(`${encode(name)}=${encode(String(value))}`);
  }
  const search = params.search?.trim();
  if (search) parts.push(`search=${encode(search)}`);
  if (params.sort && params.sort.length > 0) {
    parts.push(`sortby=${params.sort.map((sort) => `${sort.desc ? '-' : ''}${encode(sort.field)}`).join(',')}`);
  }
  if (params.pageSize !== undefined) parts.push(`pagesize=${params.pageSize}`);
  if (params.page !== undefined && params.page !== 1) parts.push(`page=${params.page}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The Feed parameters of a list view's URL state (useListSearchParams): page, size, one sort and the search. */
export function feedParamsOf(state: { page: number; pageSize: number; search: string; sort: SortField | null }): ListParams {
  return { page: state.page, pageSize: state.pageSize, search: state.search, sort: state.sort ? [state.sort] : [] };
}

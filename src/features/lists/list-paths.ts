import { SYSTEM_LIST_IDS, type ContactList } from '@contract/list.ts';
import { paths } from '@/config/paths.ts';

/** Where a list's page is: the Deleted folder has its own address. */
export const listHref = (list: Pick<ContactList, 'ListID'>) => paths.lists.detail.href(list.ListID === SYSTEM_LIST_IDS.Deleted ? 'deleted' : list.ListID);

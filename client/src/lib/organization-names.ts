import { api } from './api';

// Listings carry organization ids; lists show names. One request per organization per page load.
const cache = new Map<string, Promise<string>>();

function organizationName(id: string): Promise<string> {
  let name = cache.get(id);
  if (!name) {
    name = api.organizations.get(id).then(
      (organization) => organization.name,
      () => {
        cache.delete(id); // try again next time; the list still shows without the name
        return '';
      },
    );
    cache.set(id, name);
  }
  return name;
}

/** Names by organization id; an organization that cannot be read maps to ''. */
export async function organizationNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = await Promise.all(unique.map(organizationName));
  return new Map(unique.map((id, index) => [id, names[index] ?? '']));
}

// Whether the signed-in user belongs to an SME, for the "IP diagnostic" navigation entry. The
// session lists memberships without organization kinds, so they are looked up when it changes.
import { api } from './api';
import { session } from './session.svelte';

export const diagnosticNav = $state({ smeMember: false });

$effect.root(() => {
  $effect(() => {
    const ids = session.user?.memberships.map((membership) => membership.organizationId) ?? [];
    let current = true;
    if (ids.length === 0) {
      diagnosticNav.smeMember = false;
      return;
    }
    Promise.all(ids.map((id) => api.organizations.get(id)))
      .then((organizations) => {
        if (current) diagnosticNav.smeMember = organizations.some((organization) => organization.kind === 'sme');
      })
      // The entry is a shortcut; the page itself explains who may take the diagnostic.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  });
});

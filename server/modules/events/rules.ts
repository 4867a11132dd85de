/** Who can meet whom: pure functions over an event's groups and meeting rules. */

export interface ParticipantGroup {
  key: string;
  label: string;
  organizationKinds: string[];
}

export interface MeetingRule {
  groupA: string;
  groupB: string;
}

/** The first group that admits the organization kind; null when no group does. */
export function groupForKind(groups: ParticipantGroup[], kind: string): ParticipantGroup | null {
  return groups.find((group) => group.organizationKinds.includes(kind)) ?? null;
}

/** Rules are symmetric: {smes, universities} lets either side ask the other. */
export function canMeet(rules: MeetingRule[], groupA: string, groupB: string): boolean {
  return rules.some((rule) => (rule.groupA === groupA && rule.groupB === groupB) || (rule.groupA === groupB && rule.groupB === groupA));
}

/** Problems with a set of groups and rules, as messages a person can act on (empty when fine). */
export function groupAndRuleProblems(groups: ParticipantGroup[], rules: MeetingRule[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  const kinds = new Map<string, string>();
  for (const group of groups) {
    if (keys.has(group.key)) problems.push(`Group key "${group.key}" is used twice.`);
    keys.add(group.key);
    for (const kind of group.organizationKinds) {
      const owner = kinds.get(kind);
      if (owner) problems.push(`Organization kind "${kind}" is in both "${owner}" and "${group.key}"; put it in one group.`);
      kinds.set(kind, group.key);
    }
  }
  for (const rule of rules) {
    for (const key of [rule.groupA, rule.groupB]) {
      if (!keys.has(key)) problems.push(`Meeting rule names group "${key}", which does not exist.`);
    }
  }
  return problems;
}

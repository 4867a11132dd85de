import type { Report } from './types';

interface Titled {
  id: string;
  title: string;
}

/** What changed between two reports of the same company, by rule id. */
export interface ReportChanges {
  newAssets: Titled[];
  goneAssets: Titled[];
  newRisks: Titled[];
  resolvedRisks: Titled[];
  newRecommendations: Titled[];
  /** In the previous report, no longer triggered: the company acted on it (or its answers changed). */
  doneRecommendations: Titled[];
  /** In both reports. */
  openRecommendations: Titled[];
}

export function compareReports(current: Report, previous: Report): ReportChanges {
  return {
    newAssets: onlyIn(current.assets, previous.assets),
    goneAssets: onlyIn(previous.assets, current.assets),
    newRisks: onlyIn(current.risks, previous.risks),
    resolvedRisks: onlyIn(previous.risks, current.risks),
    newRecommendations: onlyIn(current.recommendations, previous.recommendations),
    doneRecommendations: onlyIn(previous.recommendations, current.recommendations),
    openRecommendations: current.recommendations.filter((item) => previous.recommendations.some((p) => p.id === item.id)).map(titled),
  };
}

function onlyIn(items: Titled[], other: Titled[]): Titled[] {
  const ids = new Set(other.map((item) => item.id));
  return items.filter((item) => !ids.has(item.id)).map(titled);
}

function titled({ id, title }: Titled): Titled {
  return { id, title };
}

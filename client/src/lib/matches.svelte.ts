// A need's or a research output's ranked matches: loading, filters, feedback with optimistic
// updates, and the short polling window after publishing while the worker computes them.
import { api, type ExplanationView, type FeedbackStatus, type MatchListQuery, type MatchStatus, type NeedMatchView, type OutputMatchView } from './api';
import * as L from './labels';
import { organizationNames } from './organization-names';

export type MatchSide = 'need' | 'output';

/** One match as the page shows it, whichever side it is seen from. */
export interface MatchItem {
  id: string;
  score: number;
  status: MatchStatus;
  explanation: ExplanationView;
  counterpart: { href: string; title: string; text: string; organizationId: string; organizationName: string; facts: string };
}

const POLL_EVERY_MS = 3_000;
const POLL_FOR_MS = 30_000;

function toItem(match: NeedMatchView | OutputMatchView, names: Map<string, string>): MatchItem {
  const base = { id: match.id, score: match.score, status: match.status, explanation: match.explanation };
  if ('output' in match) {
    const { output } = match;
    const facts = [L.countryName(output.country), `TRL ${output.trl}`, L.label(L.IP_STATUS_LABELS, output.ipStatus)].join(' · ');
    return { ...base, counterpart: { href: `/outputs/${output.id}`, title: output.title, text: output.summary, organizationId: output.organizationId, organizationName: names.get(output.organizationId) ?? '', facts } };
  }
  const { need } = match;
  const facts = [L.countryName(need.country), `needs TRL ${need.minTrl} or higher`, L.label(L.BUDGET_LABELS, need.budgetBand)].join(' · ');
  return { ...base, counterpart: { href: `/needs/${need.id}`, title: need.title, text: need.problem, organizationId: need.organizationId, organizationName: names.get(need.organizationId) ?? '', facts } };
}

export class MatchList {
  items = $state<MatchItem[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state<Error | null>(null);
  /** True while the page checks again for matches the worker has not written yet. */
  polling = $state(false);
  checkedAt = $state<Date | null>(null);
  status = $state<MatchStatus | ''>('');
  minScore = $state<number | ''>('');
  /** Per match: a feedback request in flight, or the error of the last one. */
  pending = $state<Record<string, boolean>>({});
  feedbackErrors = $state<Record<string, string>>({});

  private timer: ReturnType<typeof setTimeout> | undefined;
  private pollUntil = 0;
  private request = 0;

  constructor(
    private readonly side: MatchSide,
    private readonly id: string,
  ) {}

  get filtered(): boolean {
    return this.status !== '' || this.minScore !== '';
  }

  /** Loads the list; `quiet` keeps the current items on screen (polling, refresh). */
  async load(quiet = false): Promise<void> {
    const request = ++this.request;
    if (!quiet) this.loading = true;
    this.error = null;
    const query: MatchListQuery = { limit: 50, ...(this.status ? { status: this.status } : {}), ...(this.minScore !== '' ? { minScore: this.minScore } : {}) };
    try {
      const matches = this.side === 'need' ? await api.matches.forNeed(this.id, query) : await api.matches.forOutput(this.id, query);
      const names = await organizationNames(matches.map((m) => ('output' in m ? m.output.organizationId : m.need.organizationId)));
      if (request !== this.request) return; // a newer filter's answer wins
      this.items = matches.map((match) => toItem(match, names));
      this.loaded = true;
      this.checkedAt = new Date();
    } catch (error) {
      if (request === this.request) this.error = error instanceof Error ? error : new Error(String(error));
    } finally {
      if (request === this.request) this.loading = false;
    }
  }

  /** First load; with nothing found yet, checks again every few seconds for about half a minute. */
  async start(): Promise<void> {
    this.pollUntil = Date.now() + POLL_FOR_MS;
    await this.load();
    this.schedulePoll();
  }

  private schedulePoll(): void {
    clearTimeout(this.timer);
    const waiting = this.loaded && !this.error && this.items.length === 0 && !this.filtered;
    this.polling = waiting && Date.now() < this.pollUntil;
    if (!this.polling) return;
    this.timer = setTimeout(() => {
      void this.load(true).then(() => this.schedulePoll());
    }, POLL_EVERY_MS);
  }

  /** "Check again": a fresh half-minute window. */
  async refresh(): Promise<void> {
    await this.start();
  }

  async setFilters(): Promise<void> {
    clearTimeout(this.timer);
    this.polling = false;
    // Another filter's cards must not stay clickable while this one loads.
    this.items = [];
    this.loaded = false;
    await this.load();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.request++;
  }

  /** Shows the new status at once and puts the old one back if the server refuses. */
  async feedback(item: MatchItem, status: FeedbackStatus): Promise<void> {
    if (this.pending[item.id] || item.status === status) return;
    const previous = item.status;
    item.status = status;
    this.pending[item.id] = true;
    delete this.feedbackErrors[item.id];
    try {
      await api.matches.feedback(item.id, status);
    } catch (error) {
      item.status = previous;
      this.feedbackErrors[item.id] = `Could not mark it ${L.MATCH_STATUS_LABELS[status]?.toLowerCase() ?? status}: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      delete this.pending[item.id];
    }
  }
}

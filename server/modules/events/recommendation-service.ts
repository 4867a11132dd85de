import { SECTOR_LABELS, type Sector } from '../../../matching/taxonomy';
import type { CurrentUser } from '../accounts/current-user';
import type { MatchStore } from '../matches/store';
import type { EventAccess } from './access';
import type { Directory } from './directory';
import { pairScoresOf, profileOf } from './match-scores';
import { effectiveStatus } from './meeting-states';
import type { EventRegistrationDoc, EventRegistrationModel, MeetingDoc, MeetingModel } from './model';
import type { RecommendationView } from './participation-schema';
import { rankCandidates, reasonsFor, suggestedReason } from './recommendations';
import { canMeet } from './rules';

export interface RecommendationServiceDeps {
  registrations: EventRegistrationModel;
  meetings: MeetingModel;
  access: EventAccess;
  directory: Directory;
  matchStore: MatchStore;
  now?: () => Date;
}

const SHOWN = 30;
const sectorLabel = (sector: string) => SECTOR_LABELS[sector as Sector] ?? sector;

/** "Whom to meet" for one participant, with the reasons and any meeting already between them. */
export class RecommendationService {
  constructor(private readonly deps: RecommendationServiceDeps) {}

  async forUser(user: CurrentUser, eventId: string): Promise<RecommendationView[]> {
    const event = await this.deps.access.loadVisible(eventId, user);
    const me = await this.deps.access.requireRegistration(event, user);
    const [everyone, scores, meetings] = await Promise.all([
      this.deps.registrations.find({ eventId: event._id }).lean<EventRegistrationDoc[]>(),
      pairScoresOf(this.deps.matchStore, me),
      this.deps.meetings.find({ eventId: event._id, $or: [{ requesterRegistrationId: me._id }, { recipientRegistrationId: me._id }] }).sort({ _id: 1 }).lean<MeetingDoc[]>(),
    ]);
    const byId = new Map(everyone.map((r) => [String(r._id), r]));
    const ranked = rankCandidates(profileOf(me), everyone.map(profileOf), scores, (candidate) => canMeet(event.meetingRules, me.groupKey, candidate.groupKey)).slice(0, SHOWN);
    const shown = ranked.map((r) => byId.get(r.registrationId)!);
    const [names, organizations, listings] = await Promise.all([
      this.deps.directory.userNames(shown.map((r) => r.userId)),
      this.deps.directory.organizations(shown.map((r) => r.organizationId)),
      this.deps.directory.listings(ranked.flatMap((r) => r.pairs.map((p) => p.needId)), ranked.flatMap((r) => r.pairs.map((p) => p.outputId))),
    ]);
    const titles = new Map([...listings].map(([id, listing]) => [id, listing.title]));
    // The latest meeting with each person (sorted by _id, so later ones overwrite).
    const now = this.deps.now?.() ?? new Date();
    const latest = new Map<string, { id: string; status: MeetingDoc['status'] }>();
    for (const m of meetings) {
      const other = String(m.requesterRegistrationId) === String(me._id) ? m.recipientRegistrationId : m.requesterRegistrationId;
      latest.set(String(other), { id: String(m._id), status: effectiveStatus(m, now) });
    }
    return ranked.map((r) => {
      const registration = byId.get(r.registrationId)!;
      const organization = organizations.get(String(registration.organizationId));
      const reasons = reasonsFor(r, titles, sectorLabel);
      return {
        registrationId: r.registrationId,
        name: names.get(String(registration.userId)) ?? '',
        organizationName: organization?.name ?? '',
        organizationKind: organization?.kind ?? 'sme',
        groupLabel: event.groups.find((g) => g.key === registration.groupKey)?.label ?? registration.groupKey,
        score: r.score,
        matchScore: r.matchScore,
        sharedInterests: r.sharedInterests as RecommendationView['sharedInterests'],
        reasons,
        suggestedReason: suggestedReason(r, titles, sectorLabel),
        existingMeeting: latest.get(r.registrationId) ?? null,
      };
    });
  }
}

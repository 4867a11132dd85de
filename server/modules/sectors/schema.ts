import { Type, type Static } from '@sinclair/typebox';
import { IntermediaryView } from '../intermediaries/schema';
import { NeedView } from '../needs/schema';
import { SectorSchema } from '../organizations/schema';
import { ResearchOutputView } from '../research-outputs/schema';


export const SectorParams = Type.Object({ code: SectorSchema }, { additionalProperties: false });

export const SectorCounts = Type.Object({
  outputs: Type.Integer({ minimum: 0, description: 'published research outputs' }),
  governmentFundedOutputs: Type.Integer({ minimum: 0, description: 'of which government-funded' }),
  needs: Type.Integer({ minimum: 0, description: 'published needs' }),
  intermediaries: Type.Integer({ minimum: 0 }),
});

export const SectorSummary = Type.Object(
  { code: SectorSchema, label: Type.String(), counts: SectorCounts },
  { additionalProperties: false },
);
export type SectorSummary = Static<typeof SectorSummary>;

export const SectorEvent = Type.Object({
  id: Type.String(),
  title: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  format: Type.Optional(Type.String()),
});
export type SectorEvent = Static<typeof SectorEvent>;

export const SectorDetail = Type.Object(
  {
    code: SectorSchema,
    label: Type.String(),
    counts: SectorCounts,
    outputs: Type.Array(ResearchOutputView, { description: 'the latest published outputs of the sector' }),
    governmentFundedOutputs: Type.Array(ResearchOutputView, { description: 'the latest publicly funded ones' }),
    needs: Type.Array(NeedView, { description: 'the latest published needs of the sector' }),
    intermediaries: Type.Array(IntermediaryView),
    events: Type.Union([Type.Array(SectorEvent), Type.Null()], { description: 'upcoming events of the sector; null while the platform has no events service' }),
  },
  { additionalProperties: false },
);
export type SectorDetail = Static<typeof SectorDetail>;

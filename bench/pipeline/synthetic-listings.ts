import type { Connection, Types } from 'mongoose';
import { needModel } from '../../server/modules/needs/model';
import { researchOutputModel } from '../../server/modules/research-outputs/model';
import { needs as seedNeeds } from '../../fixtures/seed/needs';
import { researchOutputs as seedOutputs } from '../../fixtures/seed/research-outputs';
import { seededRandom } from '../matching/synthetic-corpus';

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter(Boolean);
const QUALIFIERS = ['', ' for small series', ' at pilot scale', ' for retrofit', ' (second generation)', ' with remote monitoring', ' for harsh environments', ' at low cost'];

/**
 * Listings written like the demo data (fixtures/seed), recombined: each keeps a real listing's
 * title, fields and first sentences and borrows a sentence from another listing of the same
 * field, so vocabulary and length stay realistic while no two documents are identical.
 */
export function* syntheticOutputs(count: number, random: () => number) {
  for (let i = 0; i < count; i += 1) {
    const base = seedOutputs[i % seedOutputs.length]!;
    const donor = seedOutputs[Math.floor(random() * seedOutputs.length)]!;
    const own = sentences(base.summary);
    const summary = [...own.slice(0, Math.max(2, own.length - 1)), sentences(donor.summary)[1] ?? ''].join(' ');
    yield {
      ...base,
      title: `${base.title}${QUALIFIERS[Math.floor(random() * QUALIFIERS.length)]}`,
      summary,
      trl: Math.min(9, Math.max(1, base.trl + Math.floor(random() * 3) - 1)),
    };
  }
}

export function* syntheticNeeds(count: number, random: () => number) {
  for (let i = 0; i < count; i += 1) {
    const base = seedNeeds[i % seedNeeds.length]!;
    const donor = seedNeeds[Math.floor(random() * seedNeeds.length)]!;
    yield { ...base, problem: `${base.problem} ${sentences(donor.problem)[0] ?? ''}` };
  }
}

/** Inserts published listings in batches straight through the models (no match jobs). */
export async function loadSynthetic(
  mongo: Connection,
  owners: { universityId: Types.ObjectId; smeId: Types.ObjectId; authorId: Types.ObjectId },
  counts: { outputs: number; needs: number },
  onProgress: (done: number) => void,
): Promise<void> {
  const random = seededRandom(20261129);
  const outputs = researchOutputModel(mongo);
  const needs = needModel(mongo);
  const now = new Date();
  let batch: Record<string, unknown>[] = [];
  let done = 0;
  const flush = async (model: typeof outputs | typeof needs) => {
    if (batch.length === 0) return;
    await (model as typeof outputs).insertMany(batch as never[], { ordered: false });
    done += batch.length;
    onProgress(done);
    batch = [];
  };
  for (const { orgKey: _key, ...output } of syntheticOutputs(counts.outputs, random)) {
    batch.push({ ...output, organizationId: owners.universityId, createdBy: owners.authorId, country: 'DE', status: 'published', publishedAt: now });
    if (batch.length === 1000) await flush(outputs);
  }
  await flush(outputs);
  for (const { orgKey: _key, ...need } of syntheticNeeds(counts.needs, random)) {
    batch.push({ ...need, organizationId: owners.smeId, createdBy: owners.authorId, country: 'DE', status: 'published', publishedAt: now });
    if (batch.length === 1000) await flush(needs);
  }
  await flush(needs);
}

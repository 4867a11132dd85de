import type { Questionnaire } from '../../engine/types';
import { assets } from './assets';
import { businessRecommendations } from './recommendations-business';
import { knowHowRecommendations } from './recommendations-knowhow';
import { protectionRecommendations } from './recommendations-protection';
import { profile } from './profile';
import { sectorRecommendations } from './recommendations-sector';
import { risks } from './risks';
import { screening } from './screening';
import { businessSections } from './sections-business';
import { protectionSections } from './sections-protection';

/**
 * Questionnaire v1. Reports store the version they were made with; a changed question or rule
 * goes into a new version (v2/) rather than editing this one, so old reports stay explainable.
 */
export const questionnaireV1: Questionnaire = {
  version: 'v1',
  title: 'IP diagnostic for SMEs',
  intro: 'A short check of the intellectual property your company has, the risks it runs, and what to do first. Eleven screening questions, then only the detailed sections your answers call for.',
  profile,
  screening,
  sections: [...protectionSections, ...businessSections],
  assets,
  risks,
  recommendations: [...protectionRecommendations, ...knowHowRecommendations, ...businessRecommendations, ...sectorRecommendations],
};

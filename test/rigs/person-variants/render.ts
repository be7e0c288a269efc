import type { MrzTraveller } from '../../../main/common/contract/alert-lists.js';
import { cutToMrz, foldIcao, foldPlain } from './fold.js';
import { formOf, type Identity, type NamePart } from './identity.js';

export type Role = 'surname' | 'given' | 'patronymic';
/** Which written form of each part to use. */
export type Choose = (part: NamePart, role: Role) => string;

export interface WrittenName {
  readonly surname: string;
  readonly givenNames: string;
}

/** An identity written part by part in the forms `choose` names (the culture's passport form where a part lacks one). */
export function written(identity: Identity, choose: Choose, passport: string, withPatronymic = true): WrittenName {
  const given = identity.given.map((part) => formOf(part, choose(part, 'given'), passport));
  if (withPatronymic && identity.patronymic !== null) given.push(formOf(identity.patronymic, choose(identity.patronymic, 'patronymic'), passport));
  return { surname: formOf(identity.surname, choose(identity.surname, 'surname'), passport), givenNames: given.join(' ') };
}

export const everywhere =
  (system: string): Choose =>
  () =>
    system;

/** A traveller as the MRZ would carry this name: folded (Doc 9303, or plain stripping), cut at the TD3 length if asked. */
export function asTraveller(
  name: WrittenName,
  birthDate: string,
  nationality: string,
  sex: MrzTraveller['sex'],
  options: { plain?: boolean; cut?: boolean } = {},
): MrzTraveller {
  const fold = options.plain === true ? foldPlain : foldIcao;
  let names = { surname: fold(name.surname), givenNames: fold(name.givenNames) };
  if (options.cut === true) names = cutToMrz(names.surname, names.givenNames);
  return { ...names, birthDate, nationality, sex };
}

/** SURNAME, GIVEN NAMES as the zone gives them; a document without given names shows the surname alone. */
export function travellerName(fields: { readonly surname: string; readonly givenNames: string }): string {
  return [fields.surname, fields.givenNames].filter((part) => part !== '').join(', ');
}

/** Whole minutes between two instants, never negative (a clock that stepped back shows 0). */
export function minutesBetween(fromIso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000));
}

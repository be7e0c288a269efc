declare module 'country-iso-3-to-2' {
  /** ISO 3166-1 alpha-3 to alpha-2; undefined for a code it does not know. */
  export default function getCountryISO2(alpha3: string): string | undefined;
}

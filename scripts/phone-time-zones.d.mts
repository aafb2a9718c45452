/** Types of scripts/phone-time-zones.mjs, for the unit test that checks the committed table against the package. */
export interface PhoneTimeZoneTable {
  source: string;
  /** [zones joined by "&", prefixes after the country code 1, space-separated] */
  zones: Array<[string, string]>;
}
export declare const TABLE_PATH: string;
export declare function buildPhoneTimeZones(): PhoneTimeZoneTable;
export declare function tableText(table: PhoneTimeZoneTable): string;

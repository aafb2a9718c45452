const creditFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('en-US');

/** Credits: whole numbers plain, halves (texts) with their decimals: "25,000", "12.5". */
export const formatCredits = (value: number) => creditFormat.format(value);

export const formatCount = (value: number) => countFormat.format(value);

/** "1 contact", "4,221 contacts". */
export const formatCountOf = (value: number, one: string, many: string) => `${countFormat.format(value)} ${value === 1 ? one : many}`;

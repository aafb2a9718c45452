const creditFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('en-US');

/** Credits: whole numbers plain, halves (texts) with their decimals: "25,000", "12.5". */
export const formatCredits = (value: number) => creditFormat.format(value);

export const formatCount = (value: number) => countFormat.format(value);

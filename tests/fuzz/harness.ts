/** FUZZ_CASES cases (300 by default; CI runs 10,000) from FUZZ_SEED (random unless given, and printed to replay). */
export const FUZZ_CASES = Number(process.env.FUZZ_CASES ?? 300);
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

/** PostgreSQL text cannot hold U+0000 (NUL): text with one can be neither stored nor matched by anything stored. */
export const hasNul = (text: string) => text.includes("\u0000");

export * from "./conversations";
export * from "./messages";
export * from "./rate-limits";
export * from "./users";
export * from "./summaries";

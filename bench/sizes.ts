/** How big a generated community is. Messages are a target: the generator lands within a few percent. */
export type SizeSpec = {
  name: SizeName;
  users: number;
  messages: number;
  /** Members who talk to `heavyPartners` others each (mentors, organisers). */
  heavyMembers: number;
  heavyPartners: number;
  messagesPerHeavyPair: number;
  /** One very long conversation of the first heavy member: the pair-page worst case. */
  longPairMessages: number;
  /** Average messages in an ordinary conversation. */
  messagesPerPair: number;
  postgresOnly: boolean;
};

export const SIZE_NAMES = ["tiny", "small", "1m", "5m"] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

const common = { heavyPartners: 1_000, messagesPerPair: 8 };

export const SIZES: Record<SizeName, SizeSpec> = {
  tiny: {
    ...common, name: "tiny", users: 1_500, messages: 30_000, heavyMembers: 2,
    messagesPerHeavyPair: 4, longPairMessages: 2_000, postgresOnly: false,
  },
  small: {
    ...common, name: "small", users: 20_000, messages: 200_000, heavyMembers: 5,
    messagesPerHeavyPair: 8, longPairMessages: 5_000, postgresOnly: false,
  },
  "1m": {
    ...common, name: "1m", users: 100_000, messages: 1_000_000, heavyMembers: 10,
    messagesPerHeavyPair: 10, longPairMessages: 12_000, postgresOnly: true,
  },
  // A million members, most of whom never wrote: where user search has to stay fast.
  "5m": {
    ...common, name: "5m", users: 1_000_000, messages: 5_000_000, heavyMembers: 20,
    messagesPerHeavyPair: 10, longPairMessages: 12_000, postgresOnly: true,
  },
};

export function sizeSpec(name: string): SizeSpec {
  if (!(SIZE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`Unknown size "${name}": use one of ${SIZE_NAMES.join(", ")}.`);
  }
  return SIZES[name as SizeName];
}

/** A community of `members` for the benchmarks that open streams (live, community): one heavy member, short pairs. */
export const streamingCommunity = (members: number, messagesPerMember: number): SizeSpec => ({
  ...SIZES.tiny,
  users: members,
  messages: members * messagesPerMember,
  heavyMembers: 1,
  heavyPartners: Math.min(1_000, members - 1),
  messagesPerHeavyPair: 2,
  longPairMessages: 200,
});

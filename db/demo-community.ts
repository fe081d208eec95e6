/** The demo community seeded on first start: who they are and what they said. */
export const DEMO_PASSWORD = "demo-password";

export type DemoMember = {
  username: string;
  name: string;
  headline: string;
  bio: string;
  location: string;
  interests: string[];
};

export const DEMO_MEMBERS: DemoMember[] = [
  { username: "alice", name: "Alice Johnson", headline: "Product designer at Northwind", bio: "I design tools people use every day. Happy to review portfolios over coffee.", location: "Lisbon", interests: ["design", "accessibility", "mentoring"] },
  { username: "bob", name: "Bob Martinez", headline: "Backend engineer, Postgres enthusiast", bio: "Databases, queues, and the occasional sourdough loaf.", location: "Madrid", interests: ["databases", "distributed systems", "baking"] },
  { username: "carol", name: "Carol Chen", headline: "Engineering manager, growing teams", bio: "Ten years of building teams. Ask me about first-time management.", location: "Toronto", interests: ["leadership", "mentoring", "hiring"] },
  { username: "dave", name: "Dave Okafor", headline: "Data scientist in climate tech", bio: "Forecasting solar output and learning to surf.", location: "Lagos", interests: ["machine learning", "climate", "python"] },
  { username: "erin", name: "Erin O'Neill", headline: "Frontend developer and speaker", bio: "React, CSS, and making the web fast on slow phones.", location: "Dublin", interests: ["react", "performance", "public speaking"] },
  { username: "farid", name: "Farid Haddad", headline: "Founder, early-stage fintech", bio: "Second-time founder. Open to chats about fundraising and pricing.", location: "Beirut", interests: ["startups", "fundraising", "fintech"] },
  { username: "grace", name: "Grace Kim", headline: "Security engineer", bio: "Threat modelling, secure defaults, and CTFs on weekends.", location: "Seoul", interests: ["security", "cryptography", "mentoring"] },
  { username: "hugo", name: "Hugo Lefèvre", headline: "Mobile developer (iOS, Android)", bio: "Shipping apps since 2012. Swift by day, Kotlin by night.", location: "Lyon", interests: ["mobile", "swift", "kotlin"] },
  { username: "ines", name: "Inês Barbosa", headline: "UX researcher", bio: "Interviews, diary studies and turning findings into decisions.", location: "Porto", interests: ["research", "design", "accessibility"] },
  { username: "jamal", name: "Jamal Wright", headline: "DevOps lead, platform team", bio: "Kubernetes, CI pipelines, and calm incident response.", location: "Atlanta", interests: ["devops", "kubernetes", "observability"] },
  { username: "keiko", name: "Keiko Tanaka", headline: "Technical writer", bio: "Docs people actually read. Ask me about API references.", location: "Osaka", interests: ["writing", "documentation", "developer experience"] },
  { username: "liam", name: "Liam Murphy", headline: "Junior developer looking for a mentor", bio: "Bootcamp graduate, first job in web development, eager to learn.", location: "Cork", interests: ["javascript", "career change", "learning"] },
  { username: "maya", name: "Maya Patel", headline: "Product manager, marketplaces", bio: "Two-sided markets, pricing experiments and roadmaps.", location: "London", interests: ["product", "marketplaces", "networking"] },
  { username: "noah", name: "Noah Schmidt", headline: "Open-source maintainer", bio: "Maintaining a Rust HTTP library. Collaborators welcome.", location: "Berlin", interests: ["rust", "open source", "collaboration"] },
];

/** [from, to, minutes ago, text, type, read]: a few conversations, some with unread messages. */
export type DemoMessage = [string, string, number, string, string | null, boolean];

export const DEMO_MESSAGES: DemoMessage[] = [
  ["bob", "alice", 60 * 26, "Hi Alice! Would you have time for a coffee chat about design systems?", "coffee_chat", true],
  ["alice", "bob", 60 * 25, "Sure, Bob! Thursday morning works for me.", null, true],
  ["bob", "alice", 60 * 24, "Perfect. The place near the river at 9?", null, true],
  ["alice", "bob", 90, "See you there. I'll bring the component audit.", null, true],
  ["bob", "alice", 12, "Running 5 minutes late, sorry!", null, false],
  ["bob", "alice", 10, "Grabbing you a flat white.", null, false],
  ["carol", "alice", 60 * 3, "Hi Alice, I'd love to mentor someone on your team who is moving into management.", "mentorship", false],
  ["liam", "carol", 60 * 48, "Hello Carol, would you be open to mentoring me? I'm in my first developer job.", "mentorship", true],
  ["carol", "liam", 60 * 47, "Happy to, Liam. Let's start with what you want from the next year.", null, true],
  ["liam", "carol", 30, "Thank you! I wrote down three goals, can I share them?", null, false],
  ["noah", "bob", 60 * 5, "Bob, want to collaborate on a Postgres driver benchmark?", "collaboration", false],
  ["maya", "farid", 60 * 72, "Farid, great talk on pricing. Coffee next week?", "coffee_chat", true],
  ["farid", "maya", 60 * 70, "Gladly, Maya. Tuesday?", null, false],
  ["erin", "dave", 60 * 8, "Loved your forecasting post. Want to connect?", "networking", true],
];

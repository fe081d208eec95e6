// Words the generator draws from: enough variety that search finds some members and not all.
export const FIRST_NAMES = [
  "Ada", "Amara", "Anna", "Annette", "Arjun", "Beatriz", "Bilal", "Brian", "Camille", "Chen", "Chidi",
  "Dana", "Diego", "Elena", "Emeka", "Farah", "Felix", "Grace", "Hannah", "Hiro", "Ines", "Ivan",
  "Jamal", "Joanna", "Jonas", "Kavya", "Kofi", "Lars", "Leila", "Lucia", "Malik", "Maren", "Maria",
  "Mateo", "Mei", "Nadia", "Nikolai", "Noor", "Oliver", "Omar", "Priya", "Rafael", "Rosa", "Sami",
  "Sofia", "Tariq", "Tomas", "Uma", "Valentina", "Wei", "Yara", "Yusuf", "Zanele", "Zoe",
];

export const LAST_NAMES = [
  "Abara", "Andersson", "Bianchi", "Chowdhury", "Costa", "Dubois", "Eze", "Fischer", "Garcia", "Haddad",
  "Hansen", "Ibrahim", "Ito", "Jackson", "Johnson", "Kowalski", "Kumar", "Larsen", "Lovelace", "Mensah",
  "Moreau", "Nakamura", "Novak", "Okafor", "Olsen", "Park", "Petrov", "Quispe", "Rossi", "Santos",
  "Schmidt", "Silva", "Singh", "Tanaka", "Torres", "Usman", "Varga", "Wilson", "Xu", "Yilmaz", "Zhang",
];

export const HEADLINES = [
  "Product designer", "Backend engineer", "Data scientist", "Community organiser", "Founder, early stage",
  "Frontend developer", "Engineering manager", "UX researcher", "Student", "Mentor and advisor",
  "Growth marketer", "Site reliability engineer", "Open source maintainer", "Technical writer",
];

export const CITIES = [
  "Lagos", "Berlin", "São Paulo", "Bangalore", "Toronto", "Nairobi", "Lisbon", "Seoul", "Mexico City",
  "Warsaw", "Melbourne", "Cairo", "Stockholm", "Jakarta", "Austin", "Accra",
];

export const INTERESTS = [
  "design", "startups", "machine learning", "open source", "hiring", "mentoring", "typescript",
  "postgres", "product", "climate", "fintech", "writing", "public speaking", "career change",
];

export const MESSAGE_TEXTS = [
  "Hi! Saw your profile in the directory, would love to connect.",
  "Thanks for the intro yesterday.",
  "Are you free for a coffee chat next week?",
  "Here is the link I mentioned: the talk was great.",
  "Sounds good, talk soon!",
  "Could you review my CV when you have a minute?",
  "I am putting together a small meetup on this topic, interested?",
  "Congrats on the new role!",
  "Let me check my calendar and get back to you.",
  "That makes sense. What would you do differently next time?",
  "Happy to help with the interview prep.",
  "👍",
  "Sure.",
  "I wrote up some notes after our call; the short version is that the second option looks better, " +
    "mostly because it keeps the migration reversible and the team already knows the tooling.",
];

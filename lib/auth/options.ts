import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret, secureCookies } from "@/env";
import { findLiveSession } from "@/db/queries/sessions";
import { authorizeCredentials } from "./credentials";
import { endSession, startSession } from "./sessions";

type SignedIn = { id: string; username: string; sessionId: string };

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login/" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Username or email",
        credentials: {
          username: { label: "Username or email", type: "text" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const user = await authorizeCredentials(credentials?.username ?? "", credentials?.password ?? "");
          if (!user) return null;
          const userAgent = String((req?.headers as Record<string, unknown> | undefined)?.["user-agent"] ?? "");
          return { ...user, sessionId: await startSession(Number(user.id), userAgent) };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as SignedIn;
          token.sub = signedIn.id;
          token.username = signedIn.username;
          token.sid = signedIn.sessionId;
          return token;
        }
        // /api/auth/session: a revoked session is thrown away (next-auth then clears the cookie).
        const live = typeof token.sid === "string" ? await findLiveSession(token.sid) : undefined;
        if (!live || String(live.member.id) !== token.sub) throw new Error("This session has ended.");
        return token;
      },
      session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: Number(token.sub), username: token.username });
        return session;
      },
    },
    events: {
      // Sign-out ends the session on the server too: the saved cookie no longer works anywhere.
      async signOut({ token }) {
        const memberId = Number(token?.sub);
        if (typeof token?.sid === "string" && Number.isSafeInteger(memberId)) await endSession(memberId, token.sid);
      },
    },
  };
}


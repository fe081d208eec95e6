import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret, secureCookies } from "@/env";
import { authorizeCredentials } from "./credentials";

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
        authorize: (credentials) => authorizeCredentials(credentials?.username ?? "", credentials?.password ?? ""),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.username = (user as { username?: string }).username;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: Number(token.sub), username: token.username });
        return session;
      },
    },
  };
}

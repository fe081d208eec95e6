import { anonymiseMember, messagesOfMember } from "@/db/queries/account";
import { findOwnProfile, findPasswordHash, updatePasswordHash } from "@/db/queries/users";
import { ApiError, notFound } from "@/lib/errors";
import type { AccountDeletionInput, PasswordChangeInput } from "./account-schemas";
import { checkSignInAllowed } from "./login-limit";
import { hashPassword, verifyPassword } from "./password";
import type { SessionMember } from "./session";
import { publishSessionsRevoked } from "./session-events";
import { endMemberSessions } from "./sessions";

export class WrongPasswordError extends ApiError {
  constructor(readonly field: string) {
    super(400, "That password is not right.");
  }
}

/** Re-confirms the member's password; counted like a sign-in attempt so it cannot be guessed at leisure. */
async function confirmPassword(member: SessionMember, password: string, address: string, field: string): Promise<void> {
  await checkSignInAllowed(member.username, address);
  const hash = await findPasswordHash(member.id);
  if (!hash) throw notFound("Your account no longer exists.");
  if (!(await verifyPassword(password, hash)).ok) throw new WrongPasswordError(field);
}

/** Sets a new password and ends every other session of the member; this one stays signed in. */
export async function changePassword(member: SessionMember, sessionId: string, input: PasswordChangeInput, address: string) {
  await confirmPassword(member, input.current_password, address, "current_password");
  await updatePasswordHash(member.id, await hashPassword(input.new_password));
  return { endedSessions: await endMemberSessions(member.id, sessionId) };
}

/** Deletes the account: anonymised in place, every session ended at once (see README, "Deleting an account"). */
export async function deleteAccount(member: SessionMember, input: AccountDeletionInput, address: string): Promise<void> {
  await confirmPassword(member, input.password, address, "password");
  await anonymiseMember(member.id);
  publishSessionsRevoked({ memberId: member.id });
}

/** Everything the member sent and received, with their own account details: the download of their data. */
export async function exportAccount(memberId: number) {
  const profile = await findOwnProfile(memberId);
  if (!profile) throw notFound("Your account no longer exists.");
  const messages = await messagesOfMember(memberId);
  return {
    exported_at: new Date().toISOString(),
    account: {
      id: profile.id,
      username: profile.username,
      email: profile.email,
      name: profile.name,
      headline: profile.headline,
      bio: profile.bio,
      location: profile.location,
      interests: profile.interests,
      created_at: profile.createdAt.toISOString(),
    },
    messages: messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      partner: m.partner,
      content: m.content,
      message_type: m.messageType,
      timestamp: m.timestamp.toISOString(),
      is_read: m.isRead,
      read_at: m.readAt?.toISOString() ?? null,
    })),
  };
}

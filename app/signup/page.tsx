import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { SignupForm } from "@/components/signup-form";
import { currentUser } from "@/lib/auth/page-session";
import { safeNextPath } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignupPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <AuthCard title="Join the community">
      <SignupForm next={next} />
    </AuthCard>
  );
}

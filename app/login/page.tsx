import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { LoginForm } from "@/components/login-form";
import { getDb } from "@/db/connection";
import { DEMO_PASSWORD } from "@/db/demo-community";
import { hasDemoData } from "@/db/seed";
import { currentUser } from "@/lib/auth/page-session";
import { safeNextPath } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  const demo = await hasDemoData(await getDb());
  return (
    <AuthCard title="Sign in">
      {demo ? (
        <aside
          aria-label="Demo accounts"
          className="mb-5 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Demo data is loaded. Try <strong>alice</strong>, <strong>bob</strong> or <strong>carol</strong> with the
          password <code className="font-mono">{DEMO_PASSWORD}</code>.
        </aside>
      ) : null}
      <LoginForm next={next} />
    </AuthCard>
  );
}

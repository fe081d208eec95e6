import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function MemberNotFound() {
  return (
    <main className="mx-auto flex w-full max-w-md flex-col items-center gap-3 px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">No such member</h1>
      <p className="text-slate-600 dark:text-slate-400">Nobody in the community has that username. They may have changed it.</p>
      <Link href="/community/" className={buttonClass("primary")}>
        Browse the community
      </Link>
    </main>
  );
}

import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/page-session";

export default async function Home() {
  redirect((await currentUser()) ? "/messaging/" : "/login/");
}

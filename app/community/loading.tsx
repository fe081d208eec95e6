import { DirectorySkeleton } from "@/components/skeletons";

export default function CommunityLoading() {
  return <DirectorySkeleton />;
}

import { ConversationSkeleton } from "@/components/skeletons";

export default function ConversationLoading() {
  return <ConversationSkeleton />;
}

import { DirectorySkeleton } from "@/components/skeletons";

/**
 * Without JavaScript nothing swaps the streamed directory in for this
 * skeleton: such a browser hides the skeleton and shows the streamed content
 * (React parks it, hidden, at the end of the body) where the page would be.
 */
const NO_SCRIPT_CSS =
  "#main:has([data-streaming-fallback]){display:none}" +
  // Tailwind's base layer hides [hidden] with !important; an important rule wins only from an earlier layer (theme).
  '@layer theme{body>div[hidden][id^="S:"]{display:flex!important;flex:1 1 auto;flex-direction:column}}';

export default function CommunityLoading() {
  return (
    <>
      <noscript dangerouslySetInnerHTML={{ __html: `<style>${NO_SCRIPT_CSS}</style>` }} />
      <DirectorySkeleton />
    </>
  );
}

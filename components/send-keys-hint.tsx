/**
 * What Enter does here, for the composer's aria-describedby: with a keyboard
 * it sends, under a finger it starts a new line (see isSendKey). CSS picks the
 * sentence, so the server's HTML is right before hydration; the hidden one is not read out.
 */
export function SendKeysHint({ id, className }: { id: string; className?: string }) {
  return (
    <span id={id} className={className}>
      <span className="pointer-coarse:hidden">Enter to send · Shift+Enter for a new line</span>
      <span className="hidden pointer-coarse:inline">Enter for a new line · Send to send</span>
    </span>
  );
}

/** The app's mark as drawn for the PNG icons (the same shape as app/icon.svg), at any size. */
export function AppIcon({ size, rounded = true }: { size: number; rounded?: boolean }) {
  return (
    <div style={{ width: size, height: size, display: "flex", background: "#047857", borderRadius: rounded ? size * 0.22 : 0 }}>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width={size} height={size}>
        <path d="M50 30a18 18 0 0 1-26 16l-10 3 3-9a18 18 0 1 1 33-10z" fill="#fff" />
        <path d="M32 21l7 9-7 9-7-9z" fill="#047857" />
      </svg>
    </div>
  );
}

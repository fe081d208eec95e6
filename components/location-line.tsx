/** "📍 Toronto" with a drawn pin, so it reads the same on every platform. */
export function LocationLine({ location }: { location: string }) {
  return (
    <p className="flex items-center gap-1.5 text-sm text-slate-600 dark:text-slate-400">
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4 shrink-0 text-slate-400">
        <path
          fillRule="evenodd"
          d="M9.69 18.93a.75.75 0 0 0 .62 0C12.86 17.72 17 14.42 17 9a7 7 0 1 0-14 0c0 5.42 4.14 8.72 6.69 9.93ZM10 11.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z"
          clipRule="evenodd"
        />
      </svg>
      <span className="sr-only">Location: </span>
      <span className="truncate">{location}</span>
    </p>
  );
}

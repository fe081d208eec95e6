import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the embedded database's lock file. PGlite does not notice a second
 * process on the same folder, and two writers corrupt it, so we refuse early.
 */
export function acquireDataDirLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, "utf8") === String(process.pid)) unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${lockFile.replace(/\.lock$/, "")} is already open in process ${owner}. ` +
            "Stop that process first, or set DATABASE_URL to share a PostgreSQL server between processes.",
        );
      }
      unlinkSync(lockFile); // left behind by a process that died
    }
  }
  throw new Error(`Could not take the lock ${lockFile}.`);
}

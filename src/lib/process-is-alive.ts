/** Whether a process with this pid exists (one we may not signal still counts): for locks and kept entries a dead build left. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

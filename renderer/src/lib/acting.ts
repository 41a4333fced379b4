/** What the stores' actions share: an error's message for the user, and a busy label around a piece of work. */

/** The message of anything thrown (LabApiError and other errors carry theirs). */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Shows `label` while `work` runs; clears it after, with the error's message when `work` threw.
 * Resolves true when the work succeeded.
 */
export async function withActing(setActing: (label: string | null, error?: string) => void, label: string, work: () => Promise<void>): Promise<boolean> {
  setActing(label);
  try {
    await work();
    setActing(null);
    return true;
  } catch (error) {
    setActing(null, errorMessage(error));
    return false;
  }
}

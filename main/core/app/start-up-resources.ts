/** Releases one thing that start-up took: a timer, a subscription, a reader, the store, the log. */
export type Release = () => void | Promise<void>;

/**
 * What start-up has taken so far, so that a start that fails part-way gives it
 * all back: `defer` each release as soon as its resource exists, and on failure
 * `closeAll` runs them newest first. A release that throws does not stop the
 * ones after it; its error is kept and reported, never put in place of the
 * error that stopped start-up.
 */
export class StartUpResources {
  private readonly releases: Release[] = [];

  /** Registers a release, run before every release registered earlier. */
  defer(release: Release): void {
    this.releases.push(release);
  }

  /** Runs every release, newest first, and returns the errors they threw. */
  async closeAll(): Promise<unknown[]> {
    const errors: unknown[] = [];
    while (this.releases.length > 0) {
      const release = this.releases.pop();
      try {
        await release?.();
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }
}

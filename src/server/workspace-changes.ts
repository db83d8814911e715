// News of changes made to the workspace beside the app's own requests: a command typed at the command line
// while the server runs is run by this process on its own connection (src/cli/control), and the app must
// then forget the answers and sessions it remembers, as it does after its own changes.
export class WorkspaceChanges {
  readonly #listeners = new Set<() => void>();

  subscribe(listener: () => void): void {
    this.#listeners.add(listener);
  }

  changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

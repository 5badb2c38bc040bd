/**
 * A fetch's total deadline that runs only while a request is on the wire. Between redirect hops a
 * request may wait for a connection slot of the next host (FetchOptions.aroundHop) or for the
 * caller's check of the target; that wait is not the server's slowness, and counting it would
 * time out requests queued behind others in a batch.
 */
export class WireDeadline {
  private readonly controller = new AbortController();
  private left: number;

  constructor(ms: number) {
    this.left = ms;
  }

  /** Aborted once the time on the wire reaches the deadline. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Runs one hop with the clock running; what it used is taken off what is left. */
  async run<T>(hop: () => Promise<T>): Promise<T> {
    if (this.left <= 0) this.abort();
    const since = Date.now();
    const timer = setTimeout(() => this.abort(), this.left);
    try {
      return await hop();
    } finally {
      clearTimeout(timer);
      this.left -= Date.now() - since;
    }
  }

  private abort(): void {
    this.controller.abort(new DOMException('The fetch deadline passed.', 'TimeoutError'));
  }
}

/** What the web chat's event stream pushes (adapters/web/render.ts WebEntry, as JSON). */
export interface StreamedEntry {
  id: string;
  from: 'bot' | 'user';
  view: { kind: string; text?: string } & Record<string, unknown>;
}

export interface WebStream {
  /** Every push, in order, repeats included (a reply pushed twice shows twice here). */
  pushes: StreamedEntry[];
  /** How many times the server ended the stream (lifetime, revocation) and it was reopened. */
  reconnects: number;
  /** Resolves once `predicate` holds for the pushes (polls; bounded). */
  waitFor(predicate: (pushes: StreamedEntry[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/**
 * A browser tab's event stream, as the page keeps it: reopened when the server ends it. Resolves
 * once the stream is open (its `retry:` line has arrived).
 */
export async function openWebStream(baseUrl: string, cookie: string): Promise<WebStream> {
  const abort = new AbortController();
  const pushes: StreamedEntry[] = [];
  let reconnects = 0;
  let opened: (() => void) | undefined;
  const firstOpen = new Promise<void>((resolve) => (opened = resolve));

  const readOnce = async (): Promise<void> => {
    const res = await fetch(`${baseUrl}/chat/api/stream`, { headers: { cookie }, signal: abort.signal });
    if (res.status !== 200 || !res.body) throw new Error(`the stream answered ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffered += decoder.decode(chunk.value, { stream: true });
      let end = buffered.indexOf('\n\n');
      while (end >= 0) {
        const event = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (event.startsWith('retry:')) opened?.();
        for (const line of event.split('\n'))
          if (line.startsWith('data: ')) pushes.push(JSON.parse(line.slice(6)) as StreamedEntry);
        end = buffered.indexOf('\n\n');
      }
    }
  };
  void (async () => {
    while (!abort.signal.aborted) {
      try {
        await readOnce();
        reconnects++;
      } catch (error) {
        if (abort.signal.aborted) return;
        throw error;
      }
    }
  })();
  await firstOpen;

  return {
    pushes,
    get reconnects() {
      return reconnects;
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(pushes)) {
        if (Date.now() > deadline) throw new Error(`stream: condition not met within ${timeoutMs} ms (${pushes.length} pushes)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => abort.abort(),
  };
}

// A small JSON-RPC 2.0 client over a WebSocket: one LSP message a text frame.

export class RpcError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export interface ConnectionEvents {
  onNotification(method: string, params: unknown): void;
  onClose(): void;
}

export class Connection {
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private constructor(private ws: WebSocket, private events: ConnectionEvents) {
    ws.addEventListener("message", (e) => this.receive(String(e.data)));
    ws.addEventListener("close", () => {
      for (const p of this.pending.values()) p.reject(new Error("the connection to figcheck closed"));
      this.pending.clear();
      this.events.onClose();
    });
  }

  static open(url: string, events: ConnectionEvents): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const failed = () => reject(new Error(`cannot connect to ${url}`));
      ws.addEventListener("error", failed, { once: true });
      ws.addEventListener("open", () => {
        ws.removeEventListener("error", failed);
        resolve(new Connection(ws, events));
      }, { once: true });
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  close(): void {
    this.ws.close();
  }

  private send(message: object): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  private receive(data: string): void {
    let message: { id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (message.method !== undefined) {
      if (message.id !== undefined && message.id !== null) {
        // A request from the server (none is expected: the client advertises nothing that
        // would prompt one); answer so that it does not wait.
        this.send({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "not supported by the playground" } });
      } else {
        this.events.onNotification(message.method, message.params);
      }
      return;
    }
    if (typeof message.id !== "number") return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.error) pending.reject(new RpcError(message.error.message, message.error.code));
    else pending.resolve(message.result);
  }
}

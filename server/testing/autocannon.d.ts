/** The part of autocannon 9's API our load test and benchmarks use (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface AutocannonRequest {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest | null;
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
    }

    interface AutocannonClient {
      setRequests(requests: AutocannonRequest[]): void;
    }

    interface Histogram {
      average: number;
      mean: number;
      max: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
      p99_9: number;
      total: number;
    }

    interface AutocannonResult {
      errors: number;
      timeouts: number;
      non2xx: number;
      mismatches: number;
      resets: number;
      duration: number;
      latency: Histogram;
      requests: Histogram;
      throughput: Histogram;
    }

    interface AutocannonOptions {
      url: string;
      connections?: number;
      duration?: number;
      /** Stop after this many requests instead of after `duration`. */
      amount?: number;
      timeout?: number;
      requests?: AutocannonRequest[];
      setupClient?: (client: AutocannonClient) => void;
    }
  }

  function autocannon(options: autocannon.AutocannonOptions): Promise<autocannon.AutocannonResult>;
  export = autocannon;
}

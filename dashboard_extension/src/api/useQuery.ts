import { useCallback, useEffect, useRef, useState } from "react";
import { request } from "./client";

/** Runs a query when its variables (or `refreshKey`) change; `reload` runs it
 * again. */
export function useQuery<T>(
  query: string,
  variables: Record<string, unknown>,
  { skip = false, refreshKey = "" }: { skip?: boolean; refreshKey?: string | number } = {},
) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(!skip);
  const key = JSON.stringify(variables);
  const generation = useRef(0);

  const run = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const result = await request<T>(query, JSON.parse(key));
      if (mine === generation.current) setData(result);
    } catch (e) {
      if (mine === generation.current) setError((e as Error).message);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [query, key]);

  // A new `refreshKey` asks again, as new variables do.
  useEffect(() => {
    if (!skip) void run();
  }, [run, skip, refreshKey]);

  return { data, error, loading, reload: run, setData };
}

// The staff a job can be assigned to (and the board filtered by).
import { useEffect, useState } from "react";
import { request } from "./client";
import { ME, STAFF_USERS } from "./operations";
import type { UserRef } from "./types";

export function useStaffChoices() {
  const [choices, setChoices] = useState<UserRef[]>([]);
  useEffect(() => {
    let stop = false;
    request<{ staffUsers: { edges: { node: UserRef }[] } }>(STAFF_USERS)
      .then((data) => !stop && setChoices(data.staffUsers.edges.map((e) => e.node)))
      .catch(() =>
        // Without "manage staff" the list is not readable: offer oneself.
        request<{ me: UserRef | null }>(ME).then((data) => !stop && data.me && setChoices([data.me])),
      )
      .catch(() => undefined);
    return () => {
      stop = true;
    };
  }, []);
  return choices;
}

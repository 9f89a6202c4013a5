// The staff a job can be assigned to (and the board filtered by).
import { useEffect, useState } from "react";
import { request } from "./client";
import { ME, STAFF_USERS } from "./operations";
import type { MeQuery, StaffUsersQuery } from "./generated";
import type { UserRef } from "./types";

export function useStaffChoices() {
  const [choices, setChoices] = useState<UserRef[]>([]);
  useEffect(() => {
    let stop = false;
    request<StaffUsersQuery>(STAFF_USERS)
      .then((data) => !stop && setChoices((data.staffUsers?.edges ?? []).map((e) => e.node)))
      .catch(() =>
        // Without "manage staff" the list is not readable: offer oneself.
        request<MeQuery>(ME).then((data) => !stop && data.me && setChoices([data.me])),
      )
      .catch(() => undefined);
    return () => {
      stop = true;
    };
  }, []);
  return choices;
}

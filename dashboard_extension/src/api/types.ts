import type { OpenOrderError } from "./client";

export type Stage = { code: string; label: string };
export type Spec = { code: string; label: string; type: string; value: string | null; values?: string[] | null };
export type UserRef = { id?: string; email: string; firstName?: string; lastName?: string };

export type JobCard = {
  id: string;
  version: number;
  quantity: number;
  productName: string;
  variantName: string;
  currentStage: string;
  currentStageLabel: string;
  isLastStage: boolean;
  status: "ACTIVE" | "ON_HOLD" | "CANCELLED";
  promisedDate: string | null;
  isOverdue: boolean;
  specs: Spec[];
  assignee: UserRef | null;
  order: { id: string; number: string | null; userEmail: string | null; paymentStatus: string };
};

export type JobEvent = {
  id: string;
  type: string;
  fromStage: string | null;
  toStage: string | null;
  note: string | null;
  date: string;
  user: UserRef | null;
};

export type Job = JobCard & {
  stages: Stage[];
  holdReason: string | null;
  notes: string;
  createdAt: string;
  stageChangedAt: string;
  events: JobEvent[];
};

export type Connection<T> = {
  totalCount: number | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
};

export type JobMutationResult = { job: Job | null; openOrderErrors: OpenOrderError[] };

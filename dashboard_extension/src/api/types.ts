// The shapes the board works with, from the types graphql-codegen generates
// (generated.ts) for the documents in operations.ts: never written by hand.
import type {
  JobCardFieldsFragment,
  JobFieldsFragment,
  ProductionJobAdvanceMutation,
  ProductionJobsQuery,
} from "./generated";

export type JobCard = JobCardFieldsFragment;
export type Job = JobFieldsFragment;
export type Spec = JobCard["specs"][number];
export type Stage = Job["stages"][number];
export type JobEvent = Job["events"][number];
/** A staff member a job can be assigned to. */
export type UserRef = NonNullable<JobCard["assignee"]>;
export type ProductionJobsPage = NonNullable<ProductionJobsQuery["productionJobs"]>;

/** A job mutation's answer (advance, update, hold and resume answer alike). */
export type JobMutationResult = NonNullable<ProductionJobAdvanceMutation["productionJobAdvance"]>;

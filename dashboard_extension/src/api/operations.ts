// Every GraphQL document the board sends, in one place, so that aligning the
// app with the plugin's schema means reading one file.

export const TOKEN_CREATE = `
  mutation TokenCreate($email: String!, $password: String!) {
    tokenCreate(email: $email, password: $password) {
      token
      user { email isStaff }
      accountErrors { field code message }
    }
  }
`;

// Saleor 2.10's JWTs last 5 minutes (when expiry is enforced); the board
// refreshes a minute before.
export const TOKEN_REFRESH = `
  mutation TokenRefresh($token: String!) {
    tokenRefresh(token: $token) { token }
  }
`;

export const ME = `
  query Me {
    me { id email firstName lastName isStaff }
  }
`;

// ---------------------------------------------------------------- production

const JOB_CARD_FIELDS = `
  id
  version
  quantity
  productName
  variantName
  currentStage
  currentStageLabel
  isLastStage
  status
  promisedDate
  isOverdue
  specs { code label type value values }
  assignee { id email firstName lastName }
  order { id number userEmail paymentStatus }
`;

export const PRODUCTION_JOBS = `
  query ProductionJobs(
    $first: Int, $after: String, $filter: ProductionJobFilterInput, $sortBy: ProductionJobSortingInput
  ) {
    productionJobs(first: $first, after: $after, filter: $filter, sortBy: $sortBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${JOB_CARD_FIELDS} } }
    }
  }
`;

const JOB_FIELDS = `
  ${JOB_CARD_FIELDS}
  stages { code label }
  holdReason
  notes
  createdAt
  stageChangedAt
  events { id type fromStage toStage note date user { email firstName lastName } }
`;

export const PRODUCTION_JOB = `
  query ProductionJob($id: ID!) {
    productionJob(id: $id) {
      ${JOB_FIELDS}
    }
  }
`;

const JOB_RESULT = `
  job { ${JOB_FIELDS} }
  openOrderErrors { field code message }
`;

export const PRODUCTION_JOB_ADVANCE = `
  mutation ProductionJobAdvance($id: ID!, $toStage: String, $note: String, $version: Int!) {
    productionJobAdvance(id: $id, toStage: $toStage, note: $note, version: $version) { ${JOB_RESULT} }
  }
`;

export const PRODUCTION_JOB_UPDATE = `
  mutation ProductionJobUpdate($id: ID!, $input: ProductionJobUpdateInput!, $version: Int!) {
    productionJobUpdate(id: $id, input: $input, version: $version) { ${JOB_RESULT} }
  }
`;

export const PRODUCTION_JOB_HOLD = `
  mutation ProductionJobHold($id: ID!, $reason: String!, $version: Int!) {
    productionJobHold(id: $id, reason: $reason, version: $version) { ${JOB_RESULT} }
  }
`;

export const PRODUCTION_JOB_RESUME = `
  mutation ProductionJobResume($id: ID!, $version: Int!) {
    productionJobResume(id: $id, version: $version) { ${JOB_RESULT} }
  }
`;

// Staff members a job can be assigned to (Saleor's own query; needs the
// "manage staff" permission, without it the board offers "assign to me").
export const STAFF_USERS = `
  query StaffUsers {
    staffUsers(first: 100) { edges { node { id email firstName lastName } } }
  }
`;

// ------------------------------------------------------------------ payments

const PAYMENT_SCHEDULE_FIELDS = `
  currency
  total { amount currency }
  outstanding { amount currency }
  cancellationRule
  installments {
    kind status dueTrigger dueDays dueDate paidAt
    amount { amount currency }
    paidAmount { amount currency }
  }
`;

export const ORDER_PAYMENT_SCHEDULE = `
  query OrderPaymentSchedule($orderId: ID!) {
    orderPaymentSchedule(orderId: $orderId) { ${PAYMENT_SCHEDULE_FIELDS} }
  }
`;

export const ORDER_PAYMENT_RECORD = `
  mutation OrderPaymentRecord($orderId: ID!, $amount: PositiveDecimal!, $reference: String!, $idempotencyKey: String!) {
    orderPaymentRecord(orderId: $orderId, amount: $amount, reference: $reference, idempotencyKey: $idempotencyKey) {
      order { id paymentStatus }
      openOrderErrors { field code message }
    }
  }
`;

// ------------------------------------------------------------------- catalog

const SPEC_FIELD_FIELDS = `
  id code label helpText type required position
  minLength maxLength pattern minValue maxValue earliestDateDays
  maxFileSize allowedFileTypes
  choices { value label price { amount currency } }
  pricePerUnit { amount currency }
  pricePerCharacter { amount currency }
  visibleWhenField visibleWhenValue
`;

const SETTINGS_FIELDS = `
  productType { id name }
  mode leadTimeDays dailyCapacity workingDays
  stages { code label }
  freeCancellationStage
  deposit { type percent amount { amount currency } }
  balance { due days }
  schemaVersion
  specFields { ${SPEC_FIELD_FIELDS} }
`;

export const MADE_TO_ORDER_PRODUCT_TYPES = `
  query MadeToOrderProductTypes($first: Int!, $after: String) {
    madeToOrderProductTypes(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${SETTINGS_FIELDS} } }
    }
  }
`;

const SETTINGS_RESULT = `
  madeToOrderSettings { ${SETTINGS_FIELDS} }
  openOrderErrors { field code message }
`;

export const PRODUCT_TYPE_MADE_TO_ORDER_UPDATE = `
  mutation ProductTypeMadeToOrderUpdate($productTypeId: ID!, $input: MadeToOrderSettingsInput!) {
    productTypeMadeToOrderUpdate(productTypeId: $productTypeId, input: $input) { ${SETTINGS_RESULT} }
  }
`;

export const CUSTOM_SPEC_FIELD_CREATE = `
  mutation CustomSpecFieldCreate($productTypeId: ID!, $input: CustomSpecFieldInput!) {
    customSpecFieldCreate(productTypeId: $productTypeId, input: $input) { ${SETTINGS_RESULT} }
  }
`;

export const CUSTOM_SPEC_FIELD_UPDATE = `
  mutation CustomSpecFieldUpdate($id: ID!, $input: CustomSpecFieldInput!) {
    customSpecFieldUpdate(id: $id, input: $input) { ${SETTINGS_RESULT} }
  }
`;

export const CUSTOM_SPEC_FIELD_DELETE = `
  mutation CustomSpecFieldDelete($id: ID!) {
    customSpecFieldDelete(id: $id) { ${SETTINGS_RESULT} }
  }
`;

export const CUSTOM_SPEC_FIELD_REORDER = `
  mutation CustomSpecFieldReorder($productTypeId: ID!, $moves: [ReorderInput!]!) {
    customSpecFieldReorder(productTypeId: $productTypeId, moves: $moves) { ${SETTINGS_RESULT} }
  }
`;

// Every GraphQL document the board sends, in one place, so that aligning the
// app with the plugin's schema means reading one file. graphql-codegen reads
// the /* GraphQL */ literals (fragments are appended to the operations that
// use them) and writes their TypeScript types to generated.ts: after a change
// here or in the schema, run `npm run generate`.

export const TOKEN_CREATE = /* GraphQL */ `
  mutation TokenCreate($email: String!, $password: String!) {
    tokenCreate(email: $email, password: $password) {
      token
      user { email isStaff }
      accountErrors { field code message }
    }
  }
`;

// Saleor 2.10's JWTs last 5 minutes (when expiry is enforced); the board
// refreshes a minute before. Saleor 3 refreshes with its refresh token
// instead (src/api/saleor3Auth.ts).
export const TOKEN_REFRESH = /* GraphQL */ `
  mutation TokenRefresh($token: String!) {
    tokenRefresh(token: $token) { token }
  }
`;

// Which sign-in the server speaks, asked of its schema before signing in:
// Saleor 3's tokenCreate also returns a refresh token (and signs in with
// src/api/saleor3Auth.ts's documents), Saleor 2.10's does not.
export const TOKEN_CREATE_FIELDS = /* GraphQL */ `
  query TokenCreateFields {
    __type(name: "CreateToken") { fields { name } }
  }
`;

/** The documents meant for one host only (every other one is sent to both):
 * Saleor 3 signs in and refreshes with src/api/saleor3Auth.ts's. */
export const ONLY_ON: Record<string, "saleor2" | "saleor3"> = {
  TOKEN_CREATE: "saleor2",
  TOKEN_REFRESH: "saleor2",
};

export const ME = /* GraphQL */ `
  query Me {
    me { id email firstName lastName isStaff }
  }
`;

// ---------------------------------------------------------------- production

const JOB_CARD_FIELDS = /* GraphQL */ `
  fragment JobCardFields on ProductionJob {
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
    specs { code label type value values displayValue displayValues }
    assignee { id email firstName lastName }
    order { id number userEmail paymentStatus }
  }
`;

export const PRODUCTION_JOBS = /* GraphQL */ `
  query ProductionJobs(
    $first: Int, $after: String, $filter: ProductionJobFilterInput, $sortBy: ProductionJobSortingInput
  ) {
    productionJobs(first: $first, after: $after, filter: $filter, sortBy: $sortBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...JobCardFields } }
    }
  }
  ${JOB_CARD_FIELDS}
`;

// One order's jobs, as the order page's widget (and the board's order
// filter) shows them: Saleor's Order ID on both hosts.
export const ORDER_JOBS = /* GraphQL */ `
  query OrderJobs($orders: [ID!], $first: Int) {
    productionJobs(first: $first, filter: { orders: $orders }, sortBy: { field: PROMISED_DATE, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          productName
          variantName
          quantity
          currentStage
          currentStageLabel
          isLastStage
          status
          holdReason
          promisedDate
          isOverdue
          stages { code label }
          order { id number paymentStatus }
        }
      }
    }
  }
`;

// One round of design approval (ACC desain); url is read with the staff JWT.
const DESIGN_PROOF_FIELDS = /* GraphQL */ `
  fragment DesignProofFields on DesignProof {
    id version stage stageLabel status note comment fileName contentType url createdAt answeredAt
  }
`;

const JOB_FIELDS = /* GraphQL */ `
  fragment JobFields on ProductionJob {
    ...JobCardFields
    stages { code label }
    holdReason
    notes
    createdAt
    stageChangedAt
    events { id type fromStage toStage note date user { email firstName lastName } }
    approvalStage
    designProofs { ...DesignProofFields }
    preOrderBatch { id name status }
  }
`;

const JOB_FRAGMENTS = JOB_CARD_FIELDS + JOB_FIELDS + DESIGN_PROOF_FIELDS;

export const PRODUCTION_JOB = /* GraphQL */ `
  query ProductionJob($id: ID!) {
    productionJob(id: $id) { ...JobFields }
  }
  ${JOB_FRAGMENTS}
`;

const OPEN_ORDER_ERROR_FIELDS = /* GraphQL */ `
  fragment OpenOrderErrorFields on OpenOrderError { field code message }
`;

// Sent as a GraphQL multipart request (the file in `file`).
export const PRODUCTION_PROOF_UPLOAD = /* GraphQL */ `
  mutation ProductionProofUpload($jobId: ID!, $file: Upload!, $note: String) {
    productionProofUpload(jobId: $jobId, file: $file, note: $note) {
      job { ...JobFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${JOB_FRAGMENTS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const PRODUCTION_JOB_ADVANCE = /* GraphQL */ `
  mutation ProductionJobAdvance($id: ID!, $toStage: String, $note: String, $version: Int!) {
    productionJobAdvance(id: $id, toStage: $toStage, note: $note, version: $version) {
      job { ...JobFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${JOB_FRAGMENTS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const PRODUCTION_JOB_UPDATE = /* GraphQL */ `
  mutation ProductionJobUpdate($id: ID!, $input: ProductionJobUpdateInput!, $version: Int!) {
    productionJobUpdate(id: $id, input: $input, version: $version) {
      job { ...JobFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${JOB_FRAGMENTS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const PRODUCTION_JOB_HOLD = /* GraphQL */ `
  mutation ProductionJobHold($id: ID!, $reason: String!, $version: Int!) {
    productionJobHold(id: $id, reason: $reason, version: $version) {
      job { ...JobFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${JOB_FRAGMENTS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const PRODUCTION_JOB_RESUME = /* GraphQL */ `
  mutation ProductionJobResume($id: ID!, $version: Int!) {
    productionJobResume(id: $id, version: $version) {
      job { ...JobFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${JOB_FRAGMENTS}${OPEN_ORDER_ERROR_FIELDS}
`;

// Staff members a job can be assigned to (Saleor's own query; needs the
// "manage staff" permission, without it the board offers "assign to me").
export const STAFF_USERS = /* GraphQL */ `
  query StaffUsers {
    staffUsers(first: 100) { edges { node { id email firstName lastName } } }
  }
`;

// ------------------------------------------------------------------ payments

// state: where the order stands (AWAITING_DEPOSIT … LAPSED); deadline: when it
// is cancelled automatically unless the deposit is paid or staff confirm it;
// summary: one sentence saying so, in the request's language (Accept-Language).
// A buyer's transfer proof (bukti transfer): nothing is paid until staff
// accept it; url is the receipt, read with the staff member's JWT.
const PAYMENT_PROOF_FIELDS = /* GraphQL */ `
  fragment PaymentProofFields on PaymentProof {
    id status installment reference note fileName contentType size url
    rejectionReason createdAt decidedAt
    amount { amount currency }
  }
`;

const PAYMENT_SCHEDULE_FIELDS = /* GraphQL */ `
  fragment PaymentScheduleFields on PaymentSchedule {
    state
    deadline
    summary
    currency
    total { amount currency }
    outstanding { amount currency }
    cancellationRule
    installments {
      kind status dueTrigger dueDays dueDate paidAt
      amount { amount currency }
      paidAmount { amount currency }
    }
    paymentProofs { ...PaymentProofFields }
  }
  ${PAYMENT_PROOF_FIELDS}
`;

export const ORDER_PAYMENT_SCHEDULE = /* GraphQL */ `
  query OrderPaymentSchedule($orderId: ID!) {
    orderPaymentSchedule(orderId: $orderId) { ...PaymentScheduleFields }
  }
  ${PAYMENT_SCHEDULE_FIELDS}
`;

export const ORDER_PAYMENT_DEADLINE_EXTEND = /* GraphQL */ `
  mutation OrderPaymentDeadlineExtend($orderId: ID!, $deadline: DateTime!) {
    orderPaymentDeadlineExtend(orderId: $orderId, deadline: $deadline) {
      paymentSchedule { ...PaymentScheduleFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${PAYMENT_SCHEDULE_FIELDS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const ORDER_PAYMENT_RECORD = /* GraphQL */ `
  mutation OrderPaymentRecord($orderId: ID!, $amount: PositiveDecimal!, $reference: String!, $idempotencyKey: String!) {
    orderPaymentRecord(orderId: $orderId, amount: $amount, reference: $reference, idempotencyKey: $idempotencyKey) {
      order { id paymentStatus }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${OPEN_ORDER_ERROR_FIELDS}
`;

export const PENDING_PAYMENT_PROOFS = /* GraphQL */ `
  query PendingPaymentProofs($first: Int!) {
    paymentProofs(first: $first, filter: { status: [PENDING] }) {
      totalCount
      edges { node { ...PaymentProofFields order { id number userEmail } } }
    }
  }
  ${PAYMENT_PROOF_FIELDS}
`;

// How many transfer proofs wait for staff (the header's count).
export const PENDING_PAYMENT_PROOF_COUNT = /* GraphQL */ `
  query PendingPaymentProofCount {
    paymentProofs(first: 1, filter: { status: [PENDING] }) { totalCount }
  }
`;

export const PAYMENT_PROOF_ACCEPT = /* GraphQL */ `
  mutation PaymentProofAccept($id: ID!, $amount: PositiveDecimal) {
    paymentProofAccept(id: $id, amount: $amount) {
      paymentProof { ...PaymentProofFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${PAYMENT_PROOF_FIELDS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const PAYMENT_PROOF_REJECT = /* GraphQL */ `
  mutation PaymentProofReject($id: ID!, $reason: String!) {
    paymentProofReject(id: $id, reason: $reason) {
      paymentProof { ...PaymentProofFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${PAYMENT_PROOF_FIELDS}${OPEN_ORDER_ERROR_FIELDS}
`;

// ------------------------------------------------------------- PO batches

const PRE_ORDER_BATCH_FIELDS = /* GraphQL */ `
  fragment PreOrderBatchFields on PreOrderBatch {
    id name status opensAt closesAt minimumQuantity isTakingOrders productionStartsOn closedAt version
    progress { ordered minimum remaining reached percent secondsLeft }
    productType { id name }
    product { id name }
  }
`;

export const PRE_ORDER_BATCHES = /* GraphQL */ `
  query PreOrderBatches($first: Int!, $status: [PreOrderBatchStatusEnum!]) {
    preOrderBatches(first: $first, filter: { status: $status }) {
      totalCount
      edges { node { ...PreOrderBatchFields } }
    }
  }
  ${PRE_ORDER_BATCH_FIELDS}
`;

export const PRE_ORDER_BATCH_CLOSE = /* GraphQL */ `
  mutation PreOrderBatchClose($id: ID!, $version: Int) {
    preOrderBatchClose(id: $id, version: $version) {
      preOrderBatch { ...PreOrderBatchFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${PRE_ORDER_BATCH_FIELDS}${OPEN_ORDER_ERROR_FIELDS}
`;

// ------------------------------------------------------------------- catalog

const SPEC_FIELD_FIELDS = /* GraphQL */ `
  fragment SpecFieldFields on CustomSpecField {
    id code label helpText type required position
    minLength maxLength pattern minValue maxValue earliestDateDays
    maxFileSize allowedFileTypes
    choices { value label price { amount currency } }
    pricePerUnit { amount currency }
    pricePerCharacter { amount currency }
    visibleWhenField visibleWhenValue
  }
`;

const SETTINGS_FIELDS = /* GraphQL */ `
  fragment SettingsFields on MadeToOrderSettings {
    productType { id name }
    mode leadTimeDays dailyCapacity workingDays
    stages { code label }
    notifyStages
    freeCancellationStage
    approvalStage
    deposit { type percent amount { amount currency } }
    balance { due days }
    schemaVersion
    specFields { ...SpecFieldFields }
  }
`;

const SETTINGS_FRAGMENTS = SPEC_FIELD_FIELDS + SETTINGS_FIELDS;

export const MADE_TO_ORDER_PRODUCT_TYPES = /* GraphQL */ `
  query MadeToOrderProductTypes($first: Int!, $after: String) {
    madeToOrderProductTypes(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...SettingsFields } }
    }
  }
  ${SETTINGS_FRAGMENTS}
`;

export const PRODUCT_TYPE_MADE_TO_ORDER_UPDATE = /* GraphQL */ `
  mutation ProductTypeMadeToOrderUpdate($productTypeId: ID!, $input: MadeToOrderSettingsInput!) {
    productTypeMadeToOrderUpdate(productTypeId: $productTypeId, input: $input) {
      madeToOrderSettings { ...SettingsFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${SETTINGS_FRAGMENTS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const CUSTOM_SPEC_FIELD_CREATE = /* GraphQL */ `
  mutation CustomSpecFieldCreate($productTypeId: ID!, $input: CustomSpecFieldInput!) {
    customSpecFieldCreate(productTypeId: $productTypeId, input: $input) {
      madeToOrderSettings { ...SettingsFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${SETTINGS_FRAGMENTS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const CUSTOM_SPEC_FIELD_UPDATE = /* GraphQL */ `
  mutation CustomSpecFieldUpdate($id: ID!, $input: CustomSpecFieldInput!) {
    customSpecFieldUpdate(id: $id, input: $input) {
      madeToOrderSettings { ...SettingsFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${SETTINGS_FRAGMENTS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const CUSTOM_SPEC_FIELD_DELETE = /* GraphQL */ `
  mutation CustomSpecFieldDelete($id: ID!) {
    customSpecFieldDelete(id: $id) {
      madeToOrderSettings { ...SettingsFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${SETTINGS_FRAGMENTS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const CUSTOM_SPEC_FIELD_REORDER = /* GraphQL */ `
  mutation CustomSpecFieldReorder($productTypeId: ID!, $moves: [ReorderInput!]!) {
    customSpecFieldReorder(productTypeId: $productTypeId, moves: $moves) {
      madeToOrderSettings { ...SettingsFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${SETTINGS_FRAGMENTS}${OPEN_ORDER_ERROR_FIELDS}
`;

// --------------------------------------------------------------- chat orders

// A chat order (taken in a WhatsApp or Instagram chat): a draft until the
// buyer confirms it on the buyer link, then a placed order with its jobs.
// buyerUrl, shareUrl (wa.me) and shareMessage are what staff send the buyer.
const CHAT_ORDER_FIELDS = /* GraphQL */ `
  fragment ChatOrderFields on MadeToOrderDraft {
    id status source customerName customerPhone customerEmail languageCode note
    buyerUrl shareUrl shareMessage
    lines {
      productName variantName quantity promisedDate
      unitPrice { amount currency }
      totalPrice { amount currency }
      specs { code label type value values }
    }
    total { amount currency }
    deposit { amount currency }
    balance { amount currency }
    balanceDue promisedDate
    problems { field code message }
    orderNumber
    order { id }
    createdAt confirmedAt cancelledAt
  }
`;

export const CHAT_ORDERS = /* GraphQL */ `
  query ChatOrders($first: Int!, $after: String, $status: [MadeToOrderDraftStatus!]) {
    madeToOrderDrafts(first: $first, after: $after, filter: { status: $status }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...ChatOrderFields } }
    }
  }
  ${CHAT_ORDER_FIELDS}
`;

export const CHAT_ORDER_CREATE = /* GraphQL */ `
  mutation ChatOrderCreate($input: MadeToOrderDraftCreateInput!) {
    madeToOrderDraftCreate(input: $input) {
      madeToOrderDraft { ...ChatOrderFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${CHAT_ORDER_FIELDS}${OPEN_ORDER_ERROR_FIELDS}
`;

export const CHAT_ORDER_CANCEL = /* GraphQL */ `
  mutation ChatOrderCancel($id: ID!) {
    madeToOrderDraftCancel(id: $id) {
      madeToOrderDraft { ...ChatOrderFields }
      openOrderErrors { ...OpenOrderErrorFields }
    }
  }
  ${CHAT_ORDER_FIELDS}${OPEN_ORDER_ERROR_FIELDS}
`;

// The products of the made-to-order product types, with their variants: what
// a chat order's line can be (the spec fields come with the type's settings,
// MADE_TO_ORDER_PRODUCT_TYPES).
export const CHAT_ORDER_PRODUCTS = /* GraphQL */ `
  query ChatOrderProducts($productTypes: [ID!], $first: Int!) {
    products(first: $first, filter: { productTypes: $productTypes }) {
      edges {
        node {
          id
          name
          productType { id }
          variants { id name sku }
        }
      }
    }
  }
`;

// ------------------------------------------------------------------- backlog

// The open-order backlog (issue 16): open orders and units by stage with their
// value, their ages and due dates, the jobs at risk and the cash forecast by
// week, for one made-to-order product type or all of them.
const BACKLOG_SLICE_FIELDS = /* GraphQL */ `
  fragment BacklogSliceFields on BacklogSlice { code label orders units value { amount currency } }
`;

export const OPEN_ORDER_BACKLOG = /* GraphQL */ `
  query OpenOrderBacklog($productType: ID, $placedFrom: Date, $placedTo: Date, $weeks: Int, $dueWithinDays: Int) {
    openOrderBacklog(
      productType: $productType, placedFrom: $placedFrom, placedTo: $placedTo, weeks: $weeks, dueWithinDays: $dueWithinDays
    ) {
      today currency orders units
      value { amount currency }
      total { amount currency }
      paid { amount currency }
      outstanding { amount currency }
      stages { ...BacklogSliceFields }
      aging { ...BacklogSliceFields }
      dueIn { ...BacklogSliceFields }
      atRisk {
        jobId orderNumber productName stage stageLabel promisedDate daysLeft risk quantity
        value { amount currency }
      }
      cashForecast {
        overdue { amount currency }
        later { amount currency }
        unscheduled { amount currency }
        total { amount currency }
        weeks {
          weekStart
          deposits { amount currency }
          balancesOnReady { amount currency }
          balancesOnDelivery { amount currency }
          balancesDaysAfterOrder { amount currency }
          total { amount currency }
        }
      }
    }
  }
  ${BACKLOG_SLICE_FIELDS}
`;

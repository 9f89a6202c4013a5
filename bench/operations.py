"""The GraphQL documents the benchmark sends: a storefront's checkout (the
same selections on both hosts, so only the plugin differs), the production
board's job list (as dashboard_extension/src/api/operations.ts asks for it)
and the same page of Saleor's own order list."""

ADDRESS = {
    "firstName": "Siti",
    "lastName": "Rahma",
    "streetAddress1": "Jl. Asia Afrika No. 8",
    "city": "Bandung",
    "postalCode": "40111",
    "country": "ID",
    "countryArea": "Jawa Barat",
    "phone": "+6281298765432",
}

TOKEN_CREATE = """
mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token errors { field message } }
}
"""

PRODUCTS = """
query {
  products(first: 100) { edges { node { slug variants { id } } } }
}
"""

CHECKOUT_CREATE = """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) {
    checkout { id token availableShippingMethods { id } }
    checkoutErrors { field code message }
  }
}
"""

# What a storefront reads back after adding lines: the same selection for
# Saleor's checkoutLinesAdd and the plugin's checkoutLinesAddCustom.
_CHECKOUT_AFTER_ADD = """
    checkout {
      id token
      availableShippingMethods { id }
      lines { id quantity variant { id } totalPrice { gross { amount } } }
      subtotalPrice { gross { amount currency } }
      totalPrice { gross { amount currency } }
    }
"""

CHECKOUT_LINES_ADD = (
    """
mutation($checkoutId: ID!, $lines: [CheckoutLineInput]!) {
  checkoutLinesAdd(checkoutId: $checkoutId, lines: $lines) {
    %s
    checkoutErrors { field code message }
  }
}
"""
    % _CHECKOUT_AFTER_ADD
)

CHECKOUT_LINES_ADD_CUSTOM = (
    """
mutation($checkoutId: ID!, $lines: [CustomCheckoutLineInput!]!) {
  checkoutLinesAddCustom(checkoutId: $checkoutId, lines: $lines) {
    %s
    openOrderErrors { field code message }
  }
}
"""
    % _CHECKOUT_AFTER_ADD
)

CHECKOUT_SHIPPING_ADDRESS = """
mutation($checkoutId: ID!, $address: AddressInput!) {
  checkoutShippingAddressUpdate(checkoutId: $checkoutId, shippingAddress: $address) {
    checkout { id availableShippingMethods { id name } }
    checkoutErrors { field code message }
  }
}
"""

CHECKOUT_SHIPPING_METHOD = """
mutation($checkoutId: ID!, $shippingMethodId: ID!) {
  checkoutShippingMethodUpdate(checkoutId: $checkoutId, shippingMethodId: $shippingMethodId) {
    checkout { totalPrice { gross { amount currency } } }
    checkoutErrors { field code message }
  }
}
"""

CHECKOUT_PAYMENT = """
mutation($checkoutId: ID!, $input: PaymentInput!) {
  checkoutPaymentCreate(checkoutId: $checkoutId, input: $input) {
    payment { id chargeStatus total { amount } }
    paymentErrors { field code message }
  }
}
"""

CHECKOUT_COMPLETE = """
mutation($checkoutId: ID!) {
  checkoutComplete(checkoutId: $checkoutId) {
    order {
      id number token status paymentStatus
      total { gross { amount currency } }
      lines { id quantity productSku unitPrice { gross { amount } } }
    }
    checkoutErrors { field code message }
  }
}
"""

# The production board's job card (dashboard_extension/src/api/operations.ts):
# specs, and the order's payment status.
PRODUCTION_JOBS = """
query($first: Int, $after: String, $filter: ProductionJobFilterInput) {
  productionJobs(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id version quantity productName variantName
      currentStage currentStageLabel isLastStage status promisedDate isOverdue
      specs { code label type value }
      assignee { id email firstName lastName }
      order { id number userEmail paymentStatus }
    } }
  }
}
"""

# Saleor's own order list, a page of the same size, with lines and payment
# status: what a Saleor dashboard shows of orders.
ORDERS = """
query($first: Int, $filter: OrderFilterInput) {
  orders(first: $first, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id number created status userEmail paymentStatus
      total { gross { amount currency } }
      lines { id productName variantName productSku quantity
              unitPrice { gross { amount currency } } }
    } }
  }
}
"""

# The board's job after a change (dashboard_extension JOB_FIELDS).
PRODUCTION_JOB_ADVANCE = """
mutation($id: ID!, $version: Int!) {
  productionJobAdvance(id: $id, version: $version) {
    job {
      id version quantity productName variantName
      currentStage currentStageLabel isLastStage status promisedDate isOverdue
      specs { code label type value }
      assignee { id email firstName lastName }
      order { id number userEmail paymentStatus }
      stages { code label }
      holdReason notes createdAt stageChangedAt
      events { id type fromStage toStage note date user { email firstName lastName } }
    }
    openOrderErrors { field code message }
  }
}
"""

# Diagnosis: the same page without the order's payment status (Saleor reads
# an order's payments with one query per order unless they are prefetched).
PRODUCTION_JOBS_WITHOUT_PAYMENT_STATUS = PRODUCTION_JOBS.replace(" paymentStatus", "")


# The owner's morning question: the whole open-order backlog (the same
# document on both hosts).
OPEN_ORDER_BACKLOG = """
query {
  openOrderBacklog {
    orders units total { amount } outstanding { amount }
    stages { code orders units value { amount } }
    aging { code orders } dueIn { code orders }
    atRisk { jobId daysLeft risk }
    cashForecast { overdue { amount } weeks { weekStart total { amount } } }
  }
}
"""

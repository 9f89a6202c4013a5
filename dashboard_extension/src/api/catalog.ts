// Product types' made-to-order settings: read by the board (its columns) and
// edited on the settings page.
import { useEffect, useState } from "react";
import { request } from "./client";
import { MADE_TO_ORDER_PRODUCT_TYPES } from "./operations";
import type { MadeToOrderProductTypesQuery, SettingsFieldsFragment, SpecFieldFieldsFragment } from "./generated";

export type SpecField = SpecFieldFieldsFragment;

/** A product type's made-to-order settings, with the type's ID and name. */
export type ProductTypeSettings = Omit<SettingsFieldsFragment, "productType"> & { id: string; name: string };

export type SettingsNode = SettingsFieldsFragment;

export function fromNode(node: SettingsNode): ProductTypeSettings {
  const { productType, ...rest } = node;
  return { ...rest, id: productType.id, name: productType.name };
}

type Data = MadeToOrderProductTypesQuery;

/** Every product type's settings (a shop has tens of types, not thousands). */
export async function fetchProductTypes(): Promise<ProductTypeSettings[]> {
  const all: ProductTypeSettings[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const data: Data = await request<Data>(MADE_TO_ORDER_PRODUCT_TYPES, { first: 100, after });
    const connection = data.madeToOrderProductTypes;
    if (!connection) break;
    all.push(...connection.edges.map((e) => fromNode(e.node)));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return all;
}

export function useProductTypes() {
  const [types, setTypes] = useState<ProductTypeSettings[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let stop = false;
    fetchProductTypes()
      .then((result) => !stop && setTypes(result))
      .catch((e) => !stop && setError((e as Error).message));
    return () => {
      stop = true;
    };
  }, [generation]);
  return { types, error, reload: () => setGeneration((g) => g + 1), setTypes };
}

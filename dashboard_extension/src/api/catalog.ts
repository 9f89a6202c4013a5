// Product types' made-to-order settings: read by the board (its columns) and
// edited on the settings page.
import { useEffect, useState } from "react";
import { request } from "./client";
import { MADE_TO_ORDER_PRODUCT_TYPES } from "./operations";
import type { Connection, Stage } from "./types";

type Money = { amount: number; currency: string };

export type SpecField = {
  id: string;
  code: string;
  label: string;
  helpText: string | null;
  type: string;
  required: boolean;
  position: number;
  minLength: number | null;
  maxLength: number | null;
  pattern: string | null;
  minValue: number | null;
  maxValue: number | null;
  earliestDateDays: number | null;
  maxFileSize: number | null;
  allowedFileTypes: string[];
  choices: { value: string; label: string; price: Money }[];
  pricePerUnit: Money;
  pricePerCharacter: Money;
  visibleWhenField: string | null;
  visibleWhenValue: string | null;
};

export type ProductTypeSettings = {
  id: string;
  name: string;
  mode: "READY_STOCK" | "MADE_TO_ORDER";
  leadTimeDays: number;
  dailyCapacity: number | null;
  workingDays: string[];
  stages: Stage[];
  freeCancellationStage: string | null;
  deposit: { type: string; percent: number | null; amount: Money | null };
  balance: { due: string; days: number | null };
  schemaVersion: number;
  specFields: SpecField[];
};

export type SettingsNode = Omit<ProductTypeSettings, "id" | "name"> & { productType: { id: string; name: string } };

export function fromNode(node: SettingsNode): ProductTypeSettings {
  const { productType, ...rest } = node;
  return { ...rest, id: productType.id, name: productType.name };
}

type Data = { madeToOrderProductTypes: Connection<SettingsNode> };

/** Every product type's settings (a shop has tens of types, not thousands). */
export async function fetchProductTypes(): Promise<ProductTypeSettings[]> {
  const all: ProductTypeSettings[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const data: Data = await request<Data>(MADE_TO_ORDER_PRODUCT_TYPES, { first: 100, after });
    all.push(...data.madeToOrderProductTypes.edges.map((e) => fromNode(e.node)));
    if (!data.madeToOrderProductTypes.pageInfo.hasNextPage) break;
    after = data.madeToOrderProductTypes.pageInfo.endCursor;
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

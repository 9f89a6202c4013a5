// Buyers' files the plugin keeps private (design files, transfer receipts):
// read with the staff member's JWT, never by a plain link.
import { session } from "../auth/session";

export type PrivateFile = { blob: Blob; name: string };

export async function fetchPrivateFile(url: string, fallbackName: string): Promise<PrivateFile> {
  const token = await session.validToken();
  const response = await fetch(url, { headers: token ? { Authorization: `JWT ${token}` } : {} });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const disposition = response.headers.get("Content-Disposition") || "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), name: match ? decodeURIComponent(match[1]) : fallbackName };
}

/** Save a private file as the browser downloads one. */
export async function downloadPrivateFile(url: string, fallbackName: string) {
  const { blob, name } = await fetchPrivateFile(url, fallbackName);
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = objectUrl;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10000);
}

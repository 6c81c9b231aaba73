/** Files behind the bearer token: a plain link cannot send it, so the app fetches the bytes and hands them to the browser. */
import { ApiError, type Problem } from './api';
import { currentToken } from './auth';

/** Fetches `/api{path}` with the token and saves it under the server's file name (Content-Disposition), or `fallback`. */
export async function downloadFile(path: string, fallback: string): Promise<void> {
  const token = currentToken();
  const response = await fetch(`/api${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({ status: response.status }))) as Problem);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

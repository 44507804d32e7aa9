/** Reading what is typed in the search-object picker (object_picker.tsx): pure, no DOM. */

/**
 * The class a typed query names exactly (its key, any case), or null. Asked on each keystroke and
 * again when the list arrives from the Worker: a key typed (or filled in) before the list was
 * loaded was otherwise never taken, and the form kept its default class without a word.
 */
export function exactClass(query: string, objects: readonly { key: string }[]): string | null {
  const q = query.trim().toLowerCase();
  return objects.find((o) => o.key.toLowerCase() === q)?.key ?? null;
}
